import type { Column } from '../../engine/blocks/contract';

/** The names an expression can use, as a hint under it; quote a name with spaces or capitals as "Name". */
export function ColumnNames({ columns, prefix = 'Columns' }: { columns: readonly Column[]; prefix?: string }) {
  if (columns.length === 0) return <>Run the upstream block to see its columns.</>;
  return (
    <>
      {prefix}:{' '}
      {columns.map((c, i) => (
        <span key={c.name}>
          {i > 0 && ', '}
          <code>{c.name}</code>
        </span>
      ))}
    </>
  );
}
