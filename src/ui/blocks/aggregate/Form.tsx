import { aggregateFunctions, aggregationName } from '../../../engine/blocks/aggregate/definition';
import { CodeField } from '../../forms/CodeField';
import { ColumnMultiSelect } from '../../forms/ColumnMultiSelect';
import { ColumnNames } from '../../forms/ColumnNames';
import { ColumnSelect } from '../../forms/ColumnSelect';
import { FormShell } from '../../forms/FormShell';
import { listPatterns } from '../../forms/issues';
import { fieldBinder } from '../../forms/list-edit';
import { ListEditor } from '../../forms/ListEditor';
import { SelectField } from '../../forms/SelectField';
import { TextField } from '../../forms/TextField';
import type { BlockFormProps, FormParams } from '../form-types';

type Aggregation = FormParams<'aggregate'>['aggregations'][number];

const FIELDS = ['groupBy', 'filter', ...listPatterns('aggregations', ['column', 'fn', 'as'])];
const ALL_ROWS = [{ value: '*', label: '* (every row, for count)' }];
const ROW_COUNT: Aggregation = { column: '*', fn: 'count' };
const FUNCTION_LABELS = { count_distinct: 'count distinct', stddev: 'std dev', first: 'first (smallest)' };

/** Groups rows by columns and computes aggregates per group. */
export function AggregateForm({ params, onChange, inputs, issues }: BlockFormProps<'aggregate'>) {
  const field = fieldBinder(params, onChange);
  const columns = inputs.in ?? [];
  const filterHint = (
    <>
      Only rows where this condition holds are aggregated. <ColumnNames columns={columns} />
    </>
  );
  return (
    <FormShell kind="aggregate" params={params} issues={issues} fields={FIELDS}>
      <ColumnMultiSelect label="Group by" columns={columns} {...field('groupBy')} hint="None: one row for the whole input." />
      <ListEditor label="Aggregations" itemName="aggregation" {...field('aggregations')} newItem={() => ROW_COUNT} min={1}>
        {(agg, i, update) => {
          const part = fieldBinder(agg, update, `aggregations.${i}`);
          return (
            <>
              <ColumnSelect label="Column" columns={columns} extra={ALL_ROWS} {...part('column')} />
              <SelectField label="Function" options={aggregateFunctions} labels={FUNCTION_LABELS} {...part('fn')} />
              <TextField label="Output name" optional {...part('as')} placeholder={aggregationName(agg)} />
            </>
          );
        }}
      </ListEditor>
      <CodeField label="Filter" optional rows={2} {...field('filter')} placeholder="Rating = 5" hint={filterHint} />
    </FormShell>
  );
}
