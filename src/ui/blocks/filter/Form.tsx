import { CodeField } from '../../forms/CodeField';
import { ColumnNames } from '../../forms/ColumnNames';
import { FormShell } from '../../forms/FormShell';
import { fieldBinder } from '../../forms/list-edit';
import type { BlockFormProps } from '../form-types';

const FIELDS = ['condition'];

/** Keeps the rows where a SQL condition holds. */
export function FilterForm({ params, onChange, inputs, issues }: BlockFormProps<'filter'>) {
  const field = fieldBinder(params, onChange);
  return (
    <FormShell kind="filter" params={params} issues={issues} fields={FIELDS}>
      <CodeField label="Condition" {...field('condition')} placeholder="Rating >= 4 AND genre <> 'Jazz'" hint={<ColumnNames columns={inputs.in ?? []} />} />
    </FormShell>
  );
}
