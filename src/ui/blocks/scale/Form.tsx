import { ColumnMultiSelect } from '../../forms/ColumnMultiSelect';
import { FormShell } from '../../forms/FormShell';
import { fieldBinder } from '../../forms/list-edit';
import { SelectField } from '../../forms/SelectField';
import { TextField } from '../../forms/TextField';
import type { BlockFormProps } from '../form-types';

const FIELDS = ['columns', 'method', 'outputSuffix'];
const METHODS = ['standard', 'min-max', 'robust', 'max-abs'] as const;
const METHOD_LABELS = {
  standard: 'Standard: (x − mean) / std dev',
  'min-max': 'Min-max: into 0…1',
  robust: 'Robust: (x − median) / IQR',
  'max-abs': 'Max-abs: into −1…1',
};
const SUFFIX_HINT = 'Writes <column><suffix> at the end instead of replacing each column.';

/** Rescales numeric columns with statistics learned from the data. */
export function ScaleForm({ params, onChange, inputs, issues }: BlockFormProps<'scale'>) {
  const field = fieldBinder(params, onChange);
  return (
    <FormShell kind="scale" params={params} issues={issues} fields={FIELDS}>
      <ColumnMultiSelect label="Columns" columns={inputs.in ?? []} {...field('columns')} />
      <SelectField label="Method" options={METHODS} labels={METHOD_LABELS} {...field('method')} />
      <TextField label="Output suffix" optional {...field('outputSuffix')} placeholder="(replace in place)" hint={SUFFIX_HINT} monospace />
    </FormShell>
  );
}
