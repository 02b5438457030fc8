import { CheckboxField } from '../../forms/CheckboxField';
import { ColumnSelect } from '../../forms/ColumnSelect';
import { FormShell } from '../../forms/FormShell';
import { fieldBinder } from '../../forms/list-edit';
import { NameListField } from '../../forms/NameListField';
import { NumberField } from '../../forms/NumberField';
import { TextField } from '../../forms/TextField';
import type { BlockFormProps } from '../form-types';

const FIELDS = ['column', 'delimiter', 'prefix', 'dropInput', 'ignoreLabels', 'maxLabels'];

/** One 0/1 column per label of a column holding delimited labels (`Action|Comedy`). */
export function MultiHotForm({ params, onChange, inputs, issues }: BlockFormProps<'multi-hot'>) {
  const field = fieldBinder(params, onChange);
  return (
    <FormShell kind="multi-hot" params={params} issues={issues} fields={FIELDS}>
      <ColumnSelect label="Column" columns={inputs.in ?? []} {...field('column')} />
      <TextField label="Delimiter" {...field('delimiter')} monospace />
      <TextField label="Column prefix" optional {...field('prefix')} placeholder={`${params.column || 'column'}_`} monospace />
      <CheckboxField label="Drop the input column" {...field('dropInput')} />
      <NameListField label="Ignored labels" {...field('ignoreLabels')} hint="Tokens that are not labels, one per line." />
      <NumberField label="Max labels" {...field('maxLabels')} min={1} max={1000} step={1} />
    </FormShell>
  );
}
