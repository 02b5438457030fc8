import { blockDefault } from '../../forms/defaults';
import { FormShell } from '../../forms/FormShell';
import { fieldBinder } from '../../forms/list-edit';
import { SelectField } from '../../forms/SelectField';
import { TextField } from '../../forms/TextField';
import { useStudio } from '../../state/studio-store';
import type { CsvReadReport } from '../../../engine/blocks/import/csv-report';
import type { BlockFormProps } from '../form-types';
import { CSV_KEYS, CsvDialectFields } from './CsvDialectFields';
import type { Sampling } from './sampling';
import { SamplingFields } from './SamplingFields';
import { formatOffered } from './format-offer';

const FIELDS = ['input', 'file', 'format', 'csv', ...CSV_KEYS.map((k) => `csv.${k}`), 'sampling', 'sampling.mode', 'sampling.rows', 'sampling.fraction', 'sampling.seed'];
const FORMATS = ['csv', 'tsv', 'parquet', 'json', 'jsonl'] as const;
const FORMAT_LABELS = { csv: 'CSV', tsv: 'TSV', parquet: 'Parquet', json: 'JSON (an array of objects)', jsonl: 'JSON lines' };
const NO_SAMPLING: Sampling = { mode: 'none' };

/** Reads a file, known to the flow by a logical input name. */
export function ImportForm({ blockId, params, onChange, issues }: BlockFormProps<'import'>) {
  const field = fieldBinder(params, onChange);
  // How the engine last read the file (the detected dialect, rows padded or rejected), shown in the dialect fields.
  const detected = useStudio((s) => s.runtime[blockId]?.report as CsvReadReport | undefined);
  // A file refused as not a table, in a format the block reads: one click reads it so.
  const offer = formatOffered(useStudio((s) => s.runtime[blockId]?.error));
  const csv = field('csv');
  const sampling = field('sampling');
  const format = params.format ?? blockDefault('import', 'format', params);
  return (
    <FormShell kind="import" params={params} issues={issues} fields={FIELDS}>
      <TextField label="Input name" {...field('input')} monospace hint="The name the flow knows this file by; the CLI maps it with --input name=path." />
      <TextField label="File name" {...field('file')} hint="The expected file name, without a folder." />
      <SelectField label="Format" options={FORMATS} labels={FORMAT_LABELS} {...field('format')} />
      {offer && offer.format !== format && (
        <p className="form-hint">
          The file is {offer.label}, not a table of text.{' '}
          <button type="button" onClick={() => onChange({ ...params, format: offer.format })}>
            Read as {offer.label}
          </button>
        </p>
      )}
      {(format === 'csv' || format === 'tsv') && <CsvDialectFields value={csv.value ?? {}} onChange={csv.onChange} tab={format === 'tsv'} detected={detected} />}
      <SamplingFields value={sampling.value ?? NO_SAMPLING} onChange={sampling.onChange} />
    </FormShell>
  );
}
