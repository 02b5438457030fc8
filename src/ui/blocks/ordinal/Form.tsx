import { ColumnSelect } from '../../forms/ColumnSelect';
import { FormShell } from '../../forms/FormShell';
import { fieldBinder } from '../../forms/list-edit';
import { NumberField } from '../../forms/NumberField';
import { SelectField } from '../../forms/SelectField';
import { TextField } from '../../forms/TextField';
import type { BlockFormProps } from '../form-types';

const FIELDS = ['column', 'outputColumn', 'unknown', 'order', 'maxLabels'];
const UNKNOWN = ['keep', 'ignore', 'error'] as const;
const UNKNOWN_LABELS = { keep: 'Keep: one index past the last label', ignore: 'Ignore: NULL', error: 'Error: stop the run' };
const ORDERS = ['frequency', 'alphabetical'] as const;
const ORDER_LABELS = { frequency: 'Most frequent first', alphabetical: 'Alphabetical' };

/** Each label of a column becomes its index, in a learned order. */
export function OrdinalForm({ params, onChange, inputs, issues }: BlockFormProps<'ordinal'>) {
  const field = fieldBinder(params, onChange);
  return (
    <FormShell kind="ordinal" params={params} issues={issues} fields={FIELDS}>
      <ColumnSelect label="Column" columns={inputs.in ?? []} {...field('column')} />
      <TextField label="Output column" optional {...field('outputColumn')} placeholder="(replace the column)" hint="Leave empty to replace the column in place." />
      <SelectField label="Label order" options={ORDERS} labels={ORDER_LABELS} {...field('order')} />
      <SelectField label="Unknown values" options={UNKNOWN} labels={UNKNOWN_LABELS} {...field('unknown')} />
      <NumberField label="Max labels" {...field('maxLabels')} min={1} step={1} />
    </FormShell>
  );
}
