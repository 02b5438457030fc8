import { blockRegistry } from '../../../engine/blocks/registry';
import { CheckboxField } from '../../forms/CheckboxField';
import { ColumnMultiSelect } from '../../forms/ColumnMultiSelect';
import { ColumnSelect } from '../../forms/ColumnSelect';
import { FormShell } from '../../forms/FormShell';
import { listPatterns } from '../../forms/issues';
import { fieldBinder } from '../../forms/list-edit';
import { ListEditor } from '../../forms/ListEditor';
import { NumberField } from '../../forms/NumberField';
import { formatSum } from '../../forms/numbers';
import { SelectField } from '../../forms/SelectField';
import { TextField } from '../../forms/TextField';
import type { BlockFormProps, FormParams } from '../form-types';

type SplitParams = FormParams<'split'>;
type Output = NonNullable<SplitParams['outputs']>[number];
type OrderKey = NonNullable<SplitParams['orderBy']>[number];

const FIELDS = ['method', 'seed', 'keyColumns', 'stratifyColumn', 'groupColumn', ...listPatterns('outputs', ['name', 'fraction']), ...listPatterns('orderBy', ['column', 'descending'])];
const METHODS = ['randomized', 'ordered', 'stratified', 'key', 'leave-last-out'] as const;
const METHOD_LABELS = {
  randomized: 'Randomized',
  ordered: 'Ordered: first rows to the first output',
  stratified: 'Stratified: same proportions per group',
  key: 'By key: rows sharing a key stay together',
  'leave-last-out': "Leave last out: each group's last row to the second output",
};
/** Every split param has a default, so parsing nothing gives them all, typed. */
const DEFAULTS = blockRegistry.split.params.parse({});
const OUTPUT_NAMES = ['train', 'test', 'validation', 'holdout'];

/** Splits rows into 2–3 named outputs by fraction, or leaves each group's last row out. */
export function SplitForm({ params, onChange, inputs, issues }: BlockFormProps<'split'>) {
  const field = fieldBinder(params, onChange);
  const columns = inputs.in ?? [];
  const method = params.method ?? DEFAULTS.method;
  const outputs = params.outputs ?? DEFAULTS.outputs;
  const newOutput = (): Output => ({ name: OUTPUT_NAMES.find((n) => !outputs.some((o) => o.name === n)) ?? `out${outputs.length + 1}`, fraction: 0.1 });
  const sum = formatSum(outputs.map((o) => o.fraction));
  // Leave-last-out places rows by their position in each group: two outputs, and no fractions.
  const lastOut = method === 'leave-last-out';
  return (
    <FormShell kind="split" params={params} issues={issues} fields={FIELDS}>
      <SelectField label="Method" options={METHODS} labels={METHOD_LABELS} {...field('method')} />
      <ListEditor
        label="Outputs"
        itemName="output"
        {...field('outputs')}
        fallback={DEFAULTS.outputs}
        newItem={newOutput}
        min={2}
        max={lastOut ? 2 : 3}
        footer={
          lastOut ? (
            <p className="form-hint">The first output gets every row but the last of each group; the second gets the last rows.</p>
          ) : (
            <p className={sum === '1' ? 'form-hint' : 'form-hint form-warning'} role="status">
              Fractions sum to {sum}
              {sum !== '1' && ': they must sum to 1'}
            </p>
          )
        }
      >
        {(out, i, update) => {
          const part = fieldBinder(out, update, `outputs.${i}`);
          return (
            <>
              <TextField label="Name" {...part('name')} monospace />
              {!lastOut && <NumberField label="Fraction" required {...part('fraction')} min={0} max={1} />}
            </>
          );
        }}
      </ListEditor>
      {lastOut && (
        <ColumnSelect label="Group by" optional noneLabel="Choose a column…" columns={columns} {...field('groupColumn')} hint="Each group (a user) gives its last row to the second output; a group of one row keeps it in the first." />
      )}
      {(method === 'ordered' || lastOut) && (
        <ListEditor label="Order by" itemName="sort key" {...field('orderBy')} newItem={(): OrderKey => ({ column: columns[0]?.name ?? '' })}>
          {(key, i, update) => {
            const part = fieldBinder(key, update, `orderBy.${i}`);
            return (
              <>
                <ColumnSelect label="Column" columns={columns} {...part('column')} />
                <CheckboxField label="Descending" {...part('descending')} />
              </>
            );
          }}
        </ListEditor>
      )}
      {method === 'stratified' && (
        <ColumnSelect label="Stratify by" optional noneLabel="Choose a column…" columns={columns} {...field('stratifyColumn')} />
      )}
      {method !== 'ordered' && !lastOut && (
        <>
          <NumberField label="Seed" {...field('seed')} step={1} />
          <ColumnMultiSelect
            label="Key columns"
            columns={columns}
            {...field('keyColumns')}
            hint={method === 'key' ? 'Rows sharing these values land in the same output.' : 'The columns that identify a row. None: every column.'}
          />
        </>
      )}
    </FormShell>
  );
}
