import { FormShell } from '../../forms/FormShell';
import { fieldBinder } from '../../forms/list-edit';
import { NumberField } from '../../forms/NumberField';
import { SelectField } from '../../forms/SelectField';
import type { BlockFormProps } from '../form-types';

const FIELDS = ['k', 'metric'];
const METRICS = ['cosine', 'dot'] as const;
const METRIC_LABELS = { cosine: 'Cosine: same direction', dot: 'Dot product: direction and strength' };

/** The k nearest items to each item by its factors. */
export function SimilarItemsForm({ params, onChange, issues }: BlockFormProps<'similar-items'>) {
  const field = fieldBinder(params, onChange);
  return (
    <FormShell kind="similar-items" params={params} issues={issues} fields={FIELDS}>
      <NumberField label="Similar items per item (k)" {...field('k')} min={1} max={1000} step={1} />
      <SelectField label="Similarity" options={METRICS} labels={METRIC_LABELS} {...field('metric')} hint="Connect the items output of a trained model." />
    </FormShell>
  );
}
