import { FieldGroup } from '../../forms/FieldGroup';
import { FormShell } from '../../forms/FormShell';
import { fieldBinder } from '../../forms/list-edit';
import { NumberField } from '../../forms/NumberField';
import { NumberListField } from '../../forms/NumberListField';
import { AlsSettingsFields } from '../train-als/AlsSettingsFields';
import { RatingColumnsFields } from '../train-als/RatingColumnsFields';
import type { BlockFormProps } from '../form-types';

const FIELDS = ['userColumn', 'itemColumn', 'ratingColumn', 'maxIter', 'alpha', 'implicitPrefs', 'nonnegative', 'seed', 'bias', 'bias.*', 'grid', 'grid.*', 'folds'];

/** Grid search with k-fold cross-validation; the best settings then train on all the ratings. */
export function TuneForm({ params, onChange, inputs, issues }: BlockFormProps<'tune'>) {
  const field = fieldBinder(params, onChange);
  const grid = params.grid ?? {};
  const gridField = fieldBinder(grid, (next) => onChange({ ...params, grid: next }), 'grid');
  return (
    <FormShell kind="tune" params={params} issues={issues} fields={FIELDS}>
      <RatingColumnsFields params={params} onChange={onChange} columns={inputs.ratings ?? []} implicit={false} />
      <FieldGroup path="grid" label="Grid">
        <NumberListField label="Ranks" {...gridField('rank')} />
        <NumberListField label="regParam values" {...gridField('regParam')} />
      </FieldGroup>
      <NumberField label="Folds" {...field('folds')} min={2} max={10} step={1} hint="Each rating is held out once; the score is the mean held-out RMSE." />
      <AlsSettingsFields params={params} onChange={onChange} grid />
    </FormShell>
  );
}
