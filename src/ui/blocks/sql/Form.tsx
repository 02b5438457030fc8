import { CodeField } from '../../forms/CodeField';
import { ColumnNames } from '../../forms/ColumnNames';
import { blockDefault, namesOf } from '../../forms/defaults';
import { FormShell } from '../../forms/FormShell';
import { listPatterns } from '../../forms/issues';
import { fieldBinder } from '../../forms/list-edit';
import { ListEditor } from '../../forms/ListEditor';
import { TextField } from '../../forms/TextField';
import type { BlockFormProps } from '../form-types';

const FIELDS = ['query', ...listPatterns('inputs')];
const QUERY_EXAMPLE = 'SELECT userId, avg(Rating) AS r FROM df GROUP BY userId';

/** A name for a new input that the query does not use yet: df2, df3, … */
function nextInputName(taken: readonly string[]): string {
  let n = taken.length + 1;
  while (taken.includes(`df${n}`)) n += 1;
  return `df${n}`;
}

/** One SELECT over up to four inputs, each read as a table by its port name. */
export function SqlForm({ params, onChange, inputs, issues }: BlockFormProps<'sql'>) {
  const field = fieldBinder(params, onChange);
  const names = params.inputs ?? namesOf(blockDefault('sql', 'inputs', params));
  return (
    <FormShell kind="sql" params={params} issues={issues} fields={FIELDS}>
      <CodeField label="Query" rows={8} {...field('query')} placeholder={QUERY_EXAMPLE} />
      <ListEditor label="Inputs" itemName="input" {...field('inputs')} fallback={names} newItem={() => nextInputName(names)} min={1} max={4} itemIssues={false}>
        {(name, i, update) => (
          <TextField
            path={`inputs.${i}`}
            label="Input name"
            value={name}
            onChange={update}
            monospace
            hint={<ColumnNames columns={inputs[name] ?? []} prefix="Its columns" />}
          />
        )}
      </ListEditor>
    </FormShell>
  );
}
