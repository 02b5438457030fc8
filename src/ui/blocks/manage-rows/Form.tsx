import { assertNever } from '../../../engine/assert-never';
import type { Column } from '../../../engine/blocks/contract';
import { CheckboxField } from '../../forms/CheckboxField';
import { ColumnMultiSelect } from '../../forms/ColumnMultiSelect';
import { ColumnSelect } from '../../forms/ColumnSelect';
import { blockDefault } from '../../forms/defaults';
import { FormShell } from '../../forms/FormShell';
import { listPatterns } from '../../forms/issues';
import { fieldBinder } from '../../forms/list-edit';
import { ListEditor } from '../../forms/ListEditor';
import { NumberField } from '../../forms/NumberField';
import { SelectField } from '../../forms/SelectField';
import type { BlockFormProps, FormParams } from '../form-types';

type RowsParams = FormParams<'manage-rows'>;
type RowsOp = RowsParams['op'];
type SortParams = Extract<RowsParams, { op: 'sort' }>;
type DropParams = Extract<RowsParams, { op: 'drop-duplicates' }>;

const FIELDS = ['op', 'columns', 'keep', 'orderBy', 'seed', ...listPatterns('by', ['column', 'descending', 'nulls'])];
const OPS: readonly RowsOp[] = ['sort', 'drop-duplicates', 'shuffle'];
const OP_LABELS = { sort: 'Sort', 'drop-duplicates': 'Drop duplicate rows', shuffle: 'Shuffle' };
const KEEP = ['any', 'first', 'last'] as const;
const KEEP_LABELS = { any: 'Any one', first: 'The first, by order', last: 'The last, by order' };
const NULLS = ['last', 'first'] as const;

function switchOp(op: RowsOp, firstColumn: string): RowsParams {
  switch (op) {
    case 'sort':
      return { op, by: [{ column: firstColumn }] };
    case 'drop-duplicates':
    case 'shuffle':
      return { op };
    default:
      return assertNever(op);
  }
}

/** Sorts, shuffles or drops duplicate rows. */
export function ManageRowsForm({ params, onChange, inputs, issues }: BlockFormProps<'manage-rows'>) {
  const columns = inputs.in ?? [];
  return (
    <FormShell kind="manage-rows" params={params} issues={issues} fields={FIELDS}>
      <SelectField path="op" label="Operation" options={OPS} labels={OP_LABELS} value={params.op} onChange={(op) => onChange(switchOp(op, columns[0]?.name ?? ''))} />
      {params.op === 'sort' && <SortKeys params={params} onChange={onChange} columns={columns} />}
      {params.op === 'drop-duplicates' && <DropDuplicates params={params} onChange={onChange} columns={columns} />}
      {params.op === 'shuffle' && <NumberField label="Seed" {...fieldBinder(params, onChange)('seed')} step={1} hint="The same seed gives the same order." />}
    </FormShell>
  );
}

function SortKeys({ params, onChange, columns }: { params: SortParams; onChange(next: SortParams): void; columns: readonly Column[] }) {
  const newKey = (): SortParams['by'][number] => ({ column: columns[0]?.name ?? '' });
  return (
    <ListEditor label="Sort keys" itemName="sort key" {...fieldBinder(params, onChange)('by')} newItem={newKey} min={1}>
      {(key, i, update) => {
        const field = fieldBinder(key, update, `by.${i}`);
        return (
          <>
            <ColumnSelect label="Column" columns={columns} {...field('column')} />
            <CheckboxField label="Descending" {...field('descending')} />
            <SelectField label="Nulls" options={NULLS} {...field('nulls')} />
          </>
        );
      }}
    </ListEditor>
  );
}

function DropDuplicates({ params, onChange, columns }: { params: DropParams; onChange(next: DropParams): void; columns: readonly Column[] }) {
  const field = fieldBinder(params, onChange);
  const keep = params.keep ?? blockDefault('manage-rows', 'keep', params);
  return (
    <>
      <ColumnMultiSelect label="Columns" columns={columns} {...field('columns')} hint="Rows equal in these columns are duplicates. None: every column." />
      <SelectField label="Keep" options={KEEP} labels={KEEP_LABELS} {...field('keep')} />
      {keep !== 'any' && <ColumnMultiSelect label="Order by" columns={columns} {...field('orderBy')} />}
    </>
  );
}
