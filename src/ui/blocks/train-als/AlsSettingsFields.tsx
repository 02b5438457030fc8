import { CheckboxField } from '../../forms/CheckboxField';
import { FieldGroup } from '../../forms/FieldGroup';
import { fieldBinder } from '../../forms/list-edit';
import { NumberField } from '../../forms/NumberField';

interface AlsSettings {
  rank?: number | undefined;
  maxIter?: number | undefined;
  regParam?: number | undefined;
  alpha?: number | undefined;
  implicitPrefs?: boolean | undefined;
  nonnegative?: boolean | undefined;
  seed?: number | undefined;
  bias?: { global?: boolean | undefined; user?: boolean | undefined; item?: boolean | undefined } | undefined;
}

/** The trainer's settings, named as Spark names them, shared by Train ALS and Tune. `grid` hides what the grid sets. */
export function AlsSettingsFields<T extends AlsSettings>({ params, onChange, grid = false }: { params: T; onChange(next: T): void; grid?: boolean }) {
  const field = fieldBinder(params, onChange);
  const implicit = params.implicitPrefs === true;
  const bias = params.bias ?? {};
  const biasField = fieldBinder(bias, (next) => onChange({ ...params, bias: next }), 'bias');
  return (
    <>
      {!grid && <NumberField label="Rank" {...field('rank')} min={1} max={256} step={1} hint="Factors per user and item." />}
      <NumberField label="Iterations (maxIter)" {...field('maxIter')} min={1} max={500} step={1} />
      {!grid && <NumberField label="Regularisation (regParam)" {...field('regParam')} min={0} hint="λ, scaled by each user's and item's rating count, as in Spark." />}
      <CheckboxField label="Implicit feedback (implicitPrefs)" {...field('implicitPrefs')} hint="Weights are counts or clicks, not ratings." />
      {implicit && <NumberField label="Confidence (alpha)" {...field('alpha')} min={0} hint="Confidence is 1 + alpha × weight." />}
      <CheckboxField label="Nonnegative factors" {...field('nonnegative')} />
      <NumberField label="Seed" {...field('seed')} step={1} hint="The same seed gives the same model, in the studio and the CLI." />
      {!implicit && (
        <FieldGroup path="bias" label="Bias terms">
          <CheckboxField label="Global mean" {...biasField('global')} />
          <CheckboxField label="Per-user bias" {...biasField('user')} />
          <CheckboxField label="Per-item bias" {...biasField('item')} />
        </FieldGroup>
      )}
    </>
  );
}
