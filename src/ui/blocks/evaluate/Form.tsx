import type { Column } from '../../../engine/blocks/contract';
import { CheckboxField } from '../../forms/CheckboxField';
import { ColumnSelect } from '../../forms/ColumnSelect';
import { blockDefault } from '../../forms/defaults';
import { FormShell } from '../../forms/FormShell';
import { fieldBinder } from '../../forms/list-edit';
import { NumberField } from '../../forms/NumberField';
import { SelectField } from '../../forms/SelectField';
import type { BlockFormProps } from '../form-types';

const FIELDS = [
  'mode',
  'ratingColumn',
  'predictionColumn',
  'min',
  'max',
  'step',
  'userColumn',
  'itemColumn',
  'rankColumn',
  'holdoutUserColumn',
  'holdoutItemColumn',
  'k',
  'useCatalog',
  'catalogColumn',
];
const MODES = ['rating', 'ranking'] as const;
const MODE_LABELS = { rating: 'Rating error (RMSE, MAE, error distances)', ranking: 'Top-k ranking (precision, recall, NDCG, hit rate)' };

type Props = BlockFormProps<'evaluate'>;
type Bind = ReturnType<typeof fieldBinder<Props['params']>>;

/** Scores a model: the error of predicted ratings, or the quality of top-k recommendations. */
export function EvaluateForm({ params, onChange, inputs, issues }: Props) {
  const field = fieldBinder(params, onChange);
  const mode = params.mode ?? blockDefault('evaluate', 'mode', params);
  return (
    <FormShell kind="evaluate" params={params} issues={issues} fields={FIELDS}>
      <SelectField label="Evaluate" options={MODES} labels={MODE_LABELS} {...field('mode')} />
      {mode === 'ranking' ? (
        <RankingFields field={field} params={params} inputs={inputs} />
      ) : (
        <RatingFields field={field} columns={inputs.in ?? []} />
      )}
    </FormShell>
  );
}

function RatingFields({ field, columns }: { field: Bind; columns: readonly Column[] }) {
  return (
    <>
      <ColumnSelect label="Observed rating" optional noneLabel='The column named "rating"' columns={columns} {...field('ratingColumn')} />
      <ColumnSelect label="Predicted rating" columns={columns} {...field('predictionColumn')} />
      <NumberField label="Lowest rating" {...field('min')} />
      <NumberField label="Highest rating" {...field('max')} />
      <NumberField label="Rating step" {...field('step')} min={0} hint="Predictions are rounded to the nearest step for the error distances and the crosstab." />
    </>
  );
}

function RankingFields({ field, params, inputs }: { field: Bind; params: Props['params']; inputs: Props['inputs'] }) {
  const recs = inputs.recommendations ?? [];
  const holdout = inputs.holdout ?? [];
  const useCatalog = (params.useCatalog ?? blockDefault('evaluate', 'useCatalog', params)) === true;
  return (
    <>
      <NumberField label="Top k" {...field('k')} min={1} max={1000} step={1} />
      <ColumnSelect label="User column" optional noneLabel="The first column" columns={recs} {...field('userColumn')} />
      <ColumnSelect label="Item column" optional noneLabel="The second column" columns={recs} {...field('itemColumn')} />
      <ColumnSelect label="Rank column" columns={recs} {...field('rankColumn')} />
      <ColumnSelect label="Holdout user column" optional noneLabel="Same name as in the recommendations" columns={holdout} {...field('holdoutUserColumn')} />
      <ColumnSelect label="Holdout item column" optional noneLabel="Same name as in the recommendations" columns={holdout} {...field('holdoutItemColumn')} />
      <CheckboxField
        label="Coverage over a catalog input"
        {...field('useCatalog')}
        hint="Without a catalog, coverage counts the items of the holdout and the recommendations."
      />
      {useCatalog && (
        <ColumnSelect label="Catalog item column" optional noneLabel="The first column" columns={inputs.catalog ?? []} {...field('catalogColumn')} />
      )}
    </>
  );
}
