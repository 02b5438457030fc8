import { CheckboxField } from '../../forms/CheckboxField';
import { blockDefault } from '../../forms/defaults';
import { FormShell } from '../../forms/FormShell';
import { fieldBinder } from '../../forms/list-edit';
import { SelectField } from '../../forms/SelectField';
import { TextField } from '../../forms/TextField';
import type { BlockFormProps } from '../form-types';

const FIELDS = ['file', 'format', 'spreadsheetSafe', 'header', 'delimiter', 'order'];
const FORMATS = ['csv', 'parquet', 'json'] as const;
const ORDERS = ['all', 'none'] as const;
const ORDER_LABELS = { all: 'Sorted by every column (same file every run)', none: 'As computed (faster)' };
const SAFE_HINT = "Text starting with = + - @ gets a leading ' so a spreadsheet does not run it as a formula.";

/** Writes the input to a file in the output folder. */
export function ExportForm({ params, onChange, issues }: BlockFormProps<'export'>) {
  const field = fieldBinder(params, onChange);
  const csv = (params.format ?? blockDefault('export', 'format', params)) === 'csv';
  return (
    <FormShell kind="export" params={params} issues={issues} fields={FIELDS}>
      <TextField label="File name" {...field('file')} hint="A bare name, written in the output folder." />
      <SelectField label="Format" options={FORMATS} {...field('format')} />
      {csv && (
        <>
          <CheckboxField label="Spreadsheet-safe CSV" {...field('spreadsheetSafe')} hint={SAFE_HINT} />
          <CheckboxField label="Header row" {...field('header')} />
          <TextField label="Delimiter" {...field('delimiter')} monospace />
        </>
      )}
      <SelectField label="Row order" options={ORDERS} labels={ORDER_LABELS} {...field('order')} />
    </FormShell>
  );
}
