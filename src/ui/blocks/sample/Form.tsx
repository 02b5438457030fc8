import type { Column } from '../../../engine/blocks/contract';
import { ColumnMultiSelect } from '../../forms/ColumnMultiSelect';
import { ColumnSelect } from '../../forms/ColumnSelect';
import { FormShell } from '../../forms/FormShell';
import { fieldBinder } from '../../forms/list-edit';
import { NumberField } from '../../forms/NumberField';
import { SelectField } from '../../forms/SelectField';
import type { BlockFormProps } from '../form-types';
import { sampleModes, switchSampleMode } from './modes';

const FIELDS = ['mode', 'rows', 'fraction', 'column', 'seed', 'keyColumns'];
const MODE_LABELS = {
  first: 'The first rows',
  fraction: 'A fraction of the rows',
  rows: 'A number of rows, at random',
  stratified: 'A fraction of each group',
};

/** Keeps a seeded sample of rows. */
export function SampleForm({ params, onChange, inputs, issues }: BlockFormProps<'sample'>) {
  const columns = inputs.in ?? [];
  return (
    <FormShell kind="sample" params={params} issues={issues} fields={FIELDS}>
      <SelectField path="mode" label="Mode" options={sampleModes} labels={MODE_LABELS} value={params.mode} onChange={(m) => onChange(switchSampleMode(params, m))} />
      {params.mode === 'stratified' && (
        <ColumnSelect label="Stratify by" columns={columns} {...fieldBinder(params, onChange)('column')} />
      )}
      {(params.mode === 'first' || params.mode === 'rows') && (
        <NumberField label="Number of rows" required {...fieldBinder(params, onChange)('rows')} min={1} step={1} />
      )}
      {(params.mode === 'fraction' || params.mode === 'stratified') && (
        <NumberField label="Fraction" required {...fieldBinder(params, onChange)('fraction')} min={0} max={1} hint="Between 0 and 1." />
      )}
      {params.mode !== 'first' && <SeededDraw params={params} onChange={onChange} columns={columns} />}
    </FormShell>
  );
}

type Seeded = Exclude<BlockFormProps<'sample'>['params'], { mode: 'first' }>;

/** The seed and row key of a random draw: the same seed and rows give the same sample in every engine. */
function SeededDraw({ params, onChange, columns }: { params: Seeded; onChange(next: Seeded): void; columns: readonly Column[] }) {
  const field = fieldBinder(params, onChange);
  return (
    <>
      <NumberField label="Seed" {...field('seed')} step={1} />
      <ColumnMultiSelect label="Key columns" columns={columns} {...field('keyColumns')} hint="The columns that identify a row for the draw. None: every column." />
    </>
  );
}
