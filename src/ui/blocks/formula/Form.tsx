import { CodeField } from '../../forms/CodeField';
import { ColumnNames } from '../../forms/ColumnNames';
import { FormShell } from '../../forms/FormShell';
import { fieldBinder } from '../../forms/list-edit';
import { TextField } from '../../forms/TextField';
import type { BlockFormProps } from '../form-types';

const FIELDS = ['column', 'expression'];

/** A new (or replaced) column computed by a SQL expression over each row. */
export function FormulaForm({ params, onChange, inputs, issues }: BlockFormProps<'formula'>) {
  const field = fieldBinder(params, onChange);
  const columns = inputs.in ?? [];
  return (
    <FormShell kind="formula" params={params} issues={issues} fields={FIELDS}>
      <TextField label="Output column" {...field('column')} suggestions={columns.map((c) => c.name)} hint="A new column, or an existing one to replace in place. Names that differ only in ASCII case (a, A) are one column." />
      <CodeField label="Expression" {...field('expression')} placeholder="0.3 * valence + 0.1 * liveness" hint={<ColumnNames columns={columns} />} />
    </FormShell>
  );
}
