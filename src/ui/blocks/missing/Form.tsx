import { CheckboxField } from '../../forms/CheckboxField';
import { ColumnMultiSelect } from '../../forms/ColumnMultiSelect';
import { blockDefault } from '../../forms/defaults';
import { FormShell } from '../../forms/FormShell';
import { fieldBinder } from '../../forms/list-edit';
import { SelectField } from '../../forms/SelectField';
import { TextField } from '../../forms/TextField';
import type { BlockFormProps } from '../form-types';

const FIELDS = ['columns', 'strategy', 'value', 'indicator'];
const STRATEGIES = ['mode', 'mean', 'median', 'constant', 'drop-rows'] as const;
const STRATEGY_LABELS = {
  mode: 'Most frequent value',
  mean: 'Mean (numbers)',
  median: 'Median (numbers)',
  constant: 'A fixed value',
  'drop-rows': 'Drop the row',
};

/** Fills or drops missing values (NULL, or NaN in a floating-point column). */
export function MissingForm({ params, onChange, inputs, issues }: BlockFormProps<'missing'>) {
  const field = fieldBinder(params, onChange);
  const strategy = params.strategy ?? blockDefault('missing', 'strategy', params);
  const value = field('value');
  return (
    <FormShell kind="missing" params={params} issues={issues} fields={FIELDS}>
      <ColumnMultiSelect label="Columns" columns={inputs.in ?? []} {...field('columns')} />
      <SelectField label="Strategy" options={STRATEGIES} labels={STRATEGY_LABELS} {...field('strategy')} />
      {strategy === 'constant' && (
        // The engine converts the value through text to each column's type, so text is all it needs.
        <TextField label="Fill value" optional {...value} value={value.value === undefined ? undefined : String(value.value)} hint="Converted to each column's type." />
      )}
      <CheckboxField label="Indicator column" {...field('indicator')} hint="Adds <column>_missing (0/1) after each column." />
    </FormShell>
  );
}
