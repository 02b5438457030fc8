import { FieldGroup } from '../../forms/FieldGroup';
import { fieldBinder } from '../../forms/list-edit';
import { NameListField } from '../../forms/NameListField';
import { NumberField } from '../../forms/NumberField';
import { SelectField } from '../../forms/SelectField';
import { TextField } from '../../forms/TextField';
import type { FormParams } from '../form-types';

export type CsvDialect = NonNullable<FormParams<'import'>['csv']>;

export const CSV_KEYS = ['delimiter', 'quote', 'escape', 'header', 'skipRows', 'nullString', 'dateFormat', 'textColumns', 'encoding', 'maxLineSize'];
const YES_NO = ['yes', 'no'] as const;
const YES_NO_LABELS = { yes: 'Yes: the first row names the columns', no: 'No' };
const ENCODINGS = ['utf-8', 'utf-16', 'latin-1'] as const;

/** How a CSV file is written; every setting left empty is detected by the reader. */
export function CsvDialectFields({ value, onChange, tab }: { value: CsvDialect; onChange(next: CsvDialect): void; tab: boolean }) {
  const field = fieldBinder(value, onChange, 'csv');
  const header = field('header');
  const textColumns = field('textColumns');
  const text = (key: 'delimiter' | 'quote' | 'escape' | 'nullString' | 'dateFormat', label: string, placeholder = 'auto') => (
    <TextField label={label} optional monospace {...field(key)} placeholder={placeholder} />
  );
  return (
    <FieldGroup path="csv" label="CSV dialect">
      {text('delimiter', 'Delimiter', tab ? 'tab' : 'auto')}
      {text('quote', 'Quote')}
      {text('escape', 'Escape')}
      <SelectField
        path={header.path}
        label="Header"
        emptyLabel="Auto-detect"
        options={YES_NO}
        labels={YES_NO_LABELS}
        value={header.value === undefined ? undefined : header.value ? 'yes' : 'no'}
        onChange={(v) => header.onChange(v === undefined ? undefined : v === 'yes')}
      />
      <NumberField label="Skip rows" {...field('skipRows')} min={0} step={1} hint="Lines to skip before the header." />
      {text('nullString', 'Null string', '(empty)')}
      {text('dateFormat', 'Date pattern', '%Y-%m-%d')}
      <NameListField
        label="Text columns"
        {...textColumns}
        onChange={(v) => textColumns.onChange(v.length > 0 ? v : undefined)}
        hint="Read as text whatever they look like (keeps leading zeros in ids). One per line."
      />
      <SelectField label="Encoding" emptyLabel="Default (utf-8)" options={ENCODINGS} {...field('encoding')} />
      <NumberField label="Max line size" {...field('maxLineSize')} min={1} step={1} hint="In bytes; for files with very long lines." />
    </FieldGroup>
  );
}
