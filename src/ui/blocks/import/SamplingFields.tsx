import { FieldGroup } from '../../forms/FieldGroup';
import { fieldBinder } from '../../forms/list-edit';
import { NumberField } from '../../forms/NumberField';
import { SelectField } from '../../forms/SelectField';
import { samplingModes, switchSampling, type Sampling } from './sampling';

const MODE_LABELS = { none: 'Every row', first: 'The first rows', fraction: 'A seeded fraction of the rows' };

/** Reading only part of a large file while building the flow. */
export function SamplingFields({ value, onChange }: { value: Sampling; onChange(next: Sampling): void }) {
  return (
    <FieldGroup path="sampling" label="Sampling">
      <SelectField path="sampling.mode" label="Sampling mode" options={samplingModes} labels={MODE_LABELS} value={value.mode} onChange={(m) => onChange(switchSampling(value, m))} />
      {value.mode === 'first' && (
        <NumberField label="Number of rows" required {...fieldBinder(value, onChange, 'sampling')('rows')} min={1} step={1} />
      )}
      {value.mode === 'fraction' && (
        <>
          <NumberField label="Fraction" required {...fieldBinder(value, onChange, 'sampling')('fraction')} min={0} max={1} />
          <NumberField label="Seed" required {...fieldBinder(value, onChange, 'sampling')('seed')} step={1} />
        </>
      )}
    </FieldGroup>
  );
}
