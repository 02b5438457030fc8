import { CheckboxField } from '../../forms/CheckboxField';
import { FormShell } from '../../forms/FormShell';
import { fieldBinder } from '../../forms/list-edit';
import type { BlockFormProps } from '../form-types';
import { AlsSettingsFields } from './AlsSettingsFields';
import { RatingColumnsFields } from './RatingColumnsFields';

const FIELDS = ['userColumn', 'itemColumn', 'ratingColumn', 'rank', 'maxIter', 'regParam', 'alpha', 'implicitPrefs', 'nonnegative', 'seed', 'bias', 'bias.*', 'validate'];

/** Trains an ALS model; its progress and results show in the Training tab. */
export function TrainAlsForm({ params, onChange, inputs, issues }: BlockFormProps<'train-als'>) {
  const field = fieldBinder(params, onChange);
  return (
    <FormShell kind="train-als" params={params} issues={issues} fields={FIELDS}>
      <RatingColumnsFields params={params} onChange={onChange} columns={inputs.ratings ?? []} implicit={params.implicitPrefs === true} />
      <AlsSettingsFields params={params} onChange={onChange} />
      <CheckboxField label="Validate each iteration" {...field('validate')} hint="Adds a validation input; its RMSE is shown after every iteration." />
    </FormShell>
  );
}
