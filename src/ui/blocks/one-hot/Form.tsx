import { ColumnSelect } from '../../forms/ColumnSelect';
import { FormShell } from '../../forms/FormShell';
import { fieldBinder } from '../../forms/list-edit';
import { NumberField } from '../../forms/NumberField';
import { SelectField } from '../../forms/SelectField';
import type { BlockFormProps } from '../form-types';

const FIELDS = ['column', 'outputStyle', 'unknown', 'maxLabels'];
const UNKNOWN = ['ignore', 'keep', 'error'] as const;
const UNKNOWN_LABELS = { ignore: 'Ignore: all zeros', keep: 'Keep: count in <column>_unknown', error: 'Error: stop the run' };

/** One 0/1 column per label of a column, learned from the data. */
export function OneHotForm({ params, onChange, inputs, issues }: BlockFormProps<'one-hot'>) {
  const field = fieldBinder(params, onChange);
  return (
    <FormShell kind="one-hot" params={params} issues={issues} fields={FIELDS}>
      <ColumnSelect label="Column" columns={inputs.in ?? []} {...field('column')} hint="Replaced by one column per label, named <column>_<label>." />
      <SelectField label="Unknown values" options={UNKNOWN} labels={UNKNOWN_LABELS} {...field('unknown')} hint="A value not seen when the labels were learned." />
      <NumberField label="Max labels" {...field('maxLabels')} min={1} max={1000} step={1} hint="The most frequent labels get a column; the rest count as unknown." />
    </FormShell>
  );
}
