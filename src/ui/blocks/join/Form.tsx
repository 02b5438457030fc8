import { ColumnSelect } from '../../forms/ColumnSelect';
import { sharedKey } from '../column-guess';
import { blockDefault } from '../../forms/defaults';
import { FormShell } from '../../forms/FormShell';
import { listPatterns } from '../../forms/issues';
import { fieldBinder } from '../../forms/list-edit';
import { ListEditor } from '../../forms/ListEditor';
import { SelectField } from '../../forms/SelectField';
import type { BlockFormProps } from '../form-types';

const FIELDS = ['type', ...listPatterns('keys', ['left', 'right'])];
const TYPES = ['inner', 'left', 'right', 'full', 'semi', 'anti', 'cross'] as const;
const TYPE_LABELS = {
  inner: 'Inner: matching rows',
  left: 'Left: every left row',
  right: 'Right: every right row',
  full: 'Full: every row of both',
  semi: 'Semi: left rows with a match',
  anti: 'Anti: left rows without a match',
  cross: 'Cross: every pair of rows',
};

/** Joins the left and right inputs on pairs of key columns. */
export function JoinForm({ params, onChange, inputs, issues }: BlockFormProps<'join'>) {
  const field = fieldBinder(params, onChange);
  const left = inputs.left ?? [];
  const right = inputs.right ?? [];
  const cross = (params.type ?? blockDefault('join', 'type', params)) === 'cross';
  return (
    <FormShell kind="join" params={params} issues={issues} fields={FIELDS}>
      <SelectField label="Join type" options={TYPES} labels={TYPE_LABELS} {...field('type')} />
      {cross ? (
        <p className="form-hint">A cross join pairs every row with every row: it uses no keys.</p>
      ) : (
        <ListEditor
          label="Keys"
          itemName="key pair"
          {...field('keys')}
          newItem={() => sharedKey(left, right) ?? { left: '', right: '' }}
        >
          {(pair, i, update) => {
            const key = fieldBinder(pair, update, `keys.${i}`);
            return (
              <>
                <ColumnSelect label="Left key" columns={left} {...key('left')} />
                <ColumnSelect label="Right key" columns={right} {...key('right')} />
              </>
            );
          }}
        </ListEditor>
      )}
    </FormShell>
  );
}
