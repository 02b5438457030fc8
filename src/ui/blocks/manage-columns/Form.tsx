import { FormShell } from '../../forms/FormShell';
import { listPatterns } from '../../forms/issues';
import { fieldBinder } from '../../forms/list-edit';
import { ListEditor } from '../../forms/ListEditor';
import { SelectField } from '../../forms/SelectField';
import type { BlockFormProps } from '../form-types';
import { OperationFields } from './OperationFields';
import { columnsBeforeStep, stepKinds, switchStep, type ColumnStep } from './steps';

const STEP_FIELDS = ['op', 'columns', 'from', 'to', 'as', 'column', 'index', 'anchor', 'type', 'onError'];
const FIELDS = listPatterns('operations', STEP_FIELDS);
const STEP_LABELS = {
  drop: 'Drop columns',
  keep: 'Keep only columns',
  rename: 'Rename a column',
  move: 'Move columns',
  duplicate: 'Duplicate a column',
  cast: 'Change type',
};
const NEW_STEP: ColumnStep = { op: 'drop', columns: [] };

/** Drops, keeps, renames, moves, duplicates or casts columns, as steps applied in order. */
export function ManageColumnsForm({ params, onChange, inputs, issues }: BlockFormProps<'manage-columns'>) {
  const input = inputs.in ?? [];
  return (
    <FormShell kind="manage-columns" params={params} issues={issues} fields={FIELDS}>
      <ListEditor
        label="Steps"
        itemName="step"
        {...fieldBinder(params, onChange)('operations')}
        newItem={() => NEW_STEP}
        min={1}
      >
        {(step, i, update) => (
          <>
            <SelectField
              path={`operations.${i}.op`}
              label="Operation"
              options={stepKinds}
              labels={STEP_LABELS}
              value={step.op}
              onChange={(op) => update(switchStep(step, op))}
            />
            <OperationFields step={step} path={`operations.${i}`} columns={columnsBeforeStep(input, params.operations, i)} onChange={update} />
          </>
        )}
      </ListEditor>
    </FormShell>
  );
}
