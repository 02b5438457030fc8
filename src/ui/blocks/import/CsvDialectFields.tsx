import type { CsvReadReport } from '../../../engine/blocks/import/csv-report';
import { showChar } from '../../../engine/blocks/import/csv-report';
import { CSV_ENCODINGS } from '../../../engine/inputs/encoding';
import { FieldGroup } from '../../forms/FieldGroup';
import { fieldBinder } from '../../forms/list-edit';
import { NameListField } from '../../forms/NameListField';
import { NumberField } from '../../forms/NumberField';
import { SelectField } from '../../forms/SelectField';
import { TextField } from '../../forms/TextField';
import type { FormParams } from '../form-types';
import { CsvDetected } from './CsvDetected';
import {
  DATE_FORMATS,
  DATE_LABELS,
  DELIMITER_CHOICES,
  DELIMITER_LABELS,
  ESCAPE_CHOICES,
  ESCAPE_LABELS,
  QUOTE_CHOICES,
  QUOTE_LABELS,
  charOf,
  choiceOf,
} from './dialect-choices';

export type CsvDialect = NonNullable<FormParams<'import'>['csv']>;

export const CSV_KEYS = [
  'delimiter',
  'quote',
  'escape',
  'header',
  'headerRows',
  'skipRows',
  'nullString',
  'dateFormat',
  'textColumns',
  'encoding',
  'maxLineSize',
  'badRows',
];
const YES_NO = ['yes', 'no'] as const;
const YES_NO_LABELS = { yes: 'Yes: the first row names the columns', no: 'No' };
const BAD_ROWS = ['pad', 'reject', 'fail'] as const;
const BAD_ROWS_LABELS = {
  pad: 'Pad rows with too few fields with NULLs; reject the others',
  reject: 'Reject every malformed row',
  fail: 'Stop at the first malformed row',
};

/** "Auto-detect", with what was detected when the block has run. */
const auto = (detected: string | undefined): string => (detected === undefined ? 'Auto-detect' : `Auto-detect (${detected})`);

/**
 * How a CSV file is written. Every setting left on auto-detect is settled by the engine when it reads the file; what
 * it settled on (and any rows it padded or rejected) shows at the top and in each field's auto-detect choice.
 */
export function CsvDialectFields({ value, onChange, tab, detected }: { value: CsvDialect; onChange(next: CsvDialect): void; tab: boolean; detected?: CsvReadReport | undefined }) {
  const field = fieldBinder(value, onChange, 'csv');
  const header = field('header');
  const textColumns = field('textColumns');
  const d = detected?.dialect;
  const mapped = <T extends Record<string, string>>(key: 'delimiter' | 'quote' | 'escape', table: T, labels: Record<string, string>, label: string, shown: string | undefined) => {
    const bound = field(key);
    return (
      <SelectField
        path={bound.path}
        label={label}
        emptyLabel={auto(shown)}
        options={Object.keys(table)}
        labels={labels}
        value={choiceOf(table, bound.value)}
        onChange={(choice: string | undefined) => bound.onChange(charOf(table, choice))}
      />
    );
  };
  return (
    <FieldGroup path="csv" label="CSV dialect">
      {detected && <CsvDetected report={detected} />}
      {tab && value.delimiter === undefined ? (
        <p className="form-hint">Delimiter: tab (the TSV format); choose another below to override it.</p>
      ) : null}
      {mapped('delimiter', DELIMITER_CHOICES, DELIMITER_LABELS, 'Delimiter', d && showChar(d.delimiter))}
      {mapped('quote', QUOTE_CHOICES, QUOTE_LABELS, 'Quote', d && showChar(d.quote))}
      {mapped('escape', ESCAPE_CHOICES, ESCAPE_LABELS, 'Escape', d && showChar(d.escape))}
      <SelectField
        path={header.path}
        label="Header"
        emptyLabel={auto(d && (d.header ? 'yes' : 'no'))}
        options={YES_NO}
        labels={YES_NO_LABELS}
        value={header.value === undefined ? undefined : header.value ? 'yes' : 'no'}
        onChange={(v: 'yes' | 'no' | undefined) => header.onChange(v === undefined ? undefined : v === 'yes')}
      />
      <NumberField
        label="Header rows"
        {...field('headerRows')}
        min={1}
        step={1}
        hint={`Rows of column headings (a units row under the names makes 2); the names come from the first.${d ? ` Detected: ${d.headerRows}.` : ''}`}
      />
      <NumberField label="Skip rows" {...field('skipRows')} min={0} step={1} hint={`Lines to skip before the header.${d ? ` Detected: ${d.skipRows}.` : ''}`} />
      <TextField label="Null string" optional monospace {...field('nullString')} placeholder="(empty)" />
      <SelectField label="Date order" emptyLabel={auto(d?.dateFormat)} options={DATE_FORMATS as readonly string[]} labels={DATE_LABELS} {...field('dateFormat')} />
      <NameListField
        label="Text columns"
        {...textColumns}
        onChange={(v) => textColumns.onChange(v.length > 0 ? v : undefined)}
        hint="Read as text whatever they look like (keeps leading zeros in ids). One per line."
      />
      <SelectField label="Encoding" emptyLabel={auto(d?.encoding)} options={CSV_ENCODINGS} {...field('encoding')} />
      <NumberField label="Max line size" {...field('maxLineSize')} min={1} step={1} hint="In bytes (default 2,000,000); raise it for files with very long lines." />
      <SelectField label="Bad rows" options={BAD_ROWS} labels={BAD_ROWS_LABELS} {...field('badRows')} hint="Rows that do not fit the dialect: too few or too many fields, or a broken quote." />
    </FieldGroup>
  );
}
