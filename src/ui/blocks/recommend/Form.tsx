import { CheckboxField } from '../../forms/CheckboxField';
import { ColumnSelect } from '../../forms/ColumnSelect';
import { blockDefault } from '../../forms/defaults';
import { FormShell } from '../../forms/FormShell';
import { fieldBinder } from '../../forms/list-edit';
import { NumberField } from '../../forms/NumberField';
import { SelectField } from '../../forms/SelectField';
import type { BlockFormProps } from '../form-types';

const FIELDS = ['k', 'method', 'excludeSeen', 'userColumn', 'itemColumn'];
const METHODS = ['factors', 'popularity'] as const;
const METHOD_LABELS = { factors: "The model's factor scores", popularity: 'Popularity (a baseline)' };

/** The top k items for every user, by factor scores or by popularity. */
export function RecommendForm({ params, onChange, inputs, issues }: BlockFormProps<'recommend'>) {
  const field = fieldBinder(params, onChange);
  const method = params.method ?? blockDefault('recommend', 'method', params);
  const excludeSeen = (params.excludeSeen ?? blockDefault('recommend', 'excludeSeen', params)) === true;
  const seen = inputs.seen ?? [];
  const popularity = method === 'popularity';
  const sameAs = (port: 'users' | 'items') => {
    const id = inputs[port]?.[0]?.name;
    return id === undefined ? `Same name as the ${port} table's id` : `Same name as the ${port} table's id (${id})`;
  };
  return (
    <FormShell kind="recommend" params={params} issues={issues} fields={FIELDS}>
      <SelectField label="Method" options={METHODS} labels={METHOD_LABELS} {...field('method')} />
      <NumberField label="Items per user (k)" {...field('k')} min={1} max={1000} step={1} />
      <CheckboxField label="Leave out items the user has seen" {...field('excludeSeen')} hint="Seen: the pairs of the seen input, the training interactions." />
      {(popularity || excludeSeen) &&
        (popularity ? (
          <>
            <ColumnSelect label="User column of seen" columns={seen} {...field('userColumn')} />
            <ColumnSelect label="Item column of seen" columns={seen} {...field('itemColumn')} />
          </>
        ) : (
          <>
            <ColumnSelect label="User column of seen" optional noneLabel={sameAs('users')} columns={seen} {...field('userColumn')} />
            <ColumnSelect label="Item column of seen" optional noneLabel={sameAs('items')} columns={seen} {...field('itemColumn')} />
          </>
        ))}
    </FormShell>
  );
}
