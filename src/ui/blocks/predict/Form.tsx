import { CheckboxField } from '../../forms/CheckboxField';
import { ColumnSelect } from '../../forms/ColumnSelect';
import { FormShell } from '../../forms/FormShell';
import { fieldBinder } from '../../forms/list-edit';
import { NumberField } from '../../forms/NumberField';
import { SelectField } from '../../forms/SelectField';
import { TextField } from '../../forms/TextField';
import type { BlockFormProps } from '../form-types';

const FIELDS = ['userColumn', 'itemColumn', 'outputColumn', 'coldStart', 'clamp', 'clamp.min', 'clamp.max'];
const COLD_STARTS = ['drop', 'nan'] as const;
const COLD_START_LABELS = { drop: 'Drop the row', nan: 'Keep the row, predict NaN' };
/** Where a fresh clamp starts: the common 1–5 star scale. */
const STAR_SCALE = { min: 1, max: 5 };

/** The name a factor table's id column has (its first column), for the "same name" choice. */
function idName(columns: BlockFormProps<'predict'>['inputs'][string] | undefined, table: string): string {
  const first = columns?.[0]?.name;
  return first === undefined ? `Same name as the ${table} table's id` : `Same name as the ${table} table's id (${first})`;
}

/** Scores each row's (user, item) pair with a model's factor tables. */
export function PredictForm({ params, onChange, inputs, issues }: BlockFormProps<'predict'>) {
  const field = fieldBinder(params, onChange);
  const data = inputs.data ?? [];
  const clamp = params.clamp;
  const clampField = clamp ? fieldBinder(clamp, (next) => onChange({ ...params, clamp: next }), 'clamp') : undefined;
  return (
    <FormShell kind="predict" params={params} issues={issues} fields={FIELDS}>
      <ColumnSelect label="User column" optional noneLabel={idName(inputs.users, 'users')} columns={data} {...field('userColumn')} />
      <ColumnSelect label="Item column" optional noneLabel={idName(inputs.items, 'items')} columns={data} {...field('itemColumn')} />
      <TextField label="Prediction column" {...field('outputColumn')} monospace />
      <SelectField
        label="Users or items without factors"
        options={COLD_STARTS}
        labels={COLD_START_LABELS}
        {...field('coldStart')}
        hint="Users and items the model never saw have no factors (a cold start)."
      />
      <CheckboxField
        path="clamp"
        label="Clamp to a rating scale"
        value={clamp !== undefined}
        onChange={(on) => onChange({ ...params, clamp: on ? STAR_SCALE : undefined })}
      />
      {clampField && (
        <>
          <NumberField label="Lowest prediction" required {...clampField('min')} />
          <NumberField label="Highest prediction" required {...clampField('max')} />
        </>
      )}
    </FormShell>
  );
}
