import { assertNever } from '../../assert-never';
import { pyString, pyStrings, sparkCastType, type SparkEmitter } from '../../spark/contract';
import type { ColumnOperation } from './definition';

/** The Python lines of one operation on `names` (the output's column names, in order) and `exprs` (by name). */
function operationLines(op: ColumnOperation, step: number, unsupported: Parameters<SparkEmitter<{ operations: ColumnOperation[] }>>[0]['unsupported']): string[] {
  switch (op.op) {
    case 'drop':
      return [`names = [n for n in names if n not in ${pyStrings(op.columns)}]`];
    case 'keep':
      return [`names = ${pyStrings(op.columns)}`];
    case 'rename':
      return [
        `exprs[${pyString(op.to)}] = exprs.pop(${pyString(op.from)})`,
        `if ${pyString(op.from)} in sql_of:`,
        `    sql_of[${pyString(op.to)}] = sql_of.pop(${pyString(op.from)})`,
        `names = [${pyString(op.to)} if n == ${pyString(op.from)} else n for n in names]`,
      ];
    case 'move': {
      const moving = pyStrings(op.columns);
      const lines = [`moving = ${moving}`, 'rest = [n for n in names if n not in moving]'];
      if (op.to === 'start') lines.push('at = 0');
      else if (op.to === 'end') lines.push('at = len(rest)');
      else if (op.to === 'index') lines.push(`at = min(${op.index ?? 0}, len(rest))`);
      else lines.push(`at = rest.index(${pyString(op.anchor ?? '')})${op.to === 'after' ? ' + 1' : ''}`);
      lines.push('names = rest[:at] + moving + rest[at:]');
      return lines;
    }
    case 'duplicate':
      return [
        `exprs[${pyString(op.as)}] = exprs[${pyString(op.column)}]`,
        `if ${pyString(op.column)} in sql_of:`,
        `    sql_of[${pyString(op.as)}] = sql_of[${pyString(op.column)}]`,
        `names.insert(names.index(${pyString(op.column)}) + 1, ${pyString(op.as)})`,
      ];
    case 'cast': {
      const type = sparkCastType(op.type) ?? (() => { throw unsupported(`a cast to ${op.type}`, `operations[${step}]`, 'Spark has no TIME type'); })();
      const fn = op.onError === 'null' ? 'try_cast' : 'CAST';
      return [
        `for n in ${pyStrings(op.columns)}:`,
        ...(['INT', 'BIGINT'].includes(type)
          ? [
              '    # DuckDB rounds a floating-point value to the nearest integer (halves to even); Spark truncates.',
              '    if n in sql_of and isinstance(df.schema[n].dataType, (T.DoubleType, T.FloatType)):',
              '        sql_of[n] = f"bround({sql_of[n]})"',
            ]
          : []),
        `    exprs[n] = F.expr(f"${fn}({sql_of[n]} AS ${type})") if n in sql_of else exprs[n].cast(${pyString(type.toLowerCase())})`,
      ];
    }
    default:
      return assertNever(op);
  }
}

/** Manage columns: the operations in order over the column list, then one select. */
export const manageColumnsSpark: SparkEmitter<{ operations: ColumnOperation[] }> = ({ params: p, unsupported }) => {
  const body = [
    'names = list(df.columns)',
    'exprs = {n: col(n) for n in names}',
    '# Columns not cast yet, as SQL text (try_cast is SQL: Column.try_cast is only in Spark 4).',
    'sql_of = {n: "`" + n.replace("`", "``") + "`" for n in names}',
  ];
  p.operations.forEach((op, step) => {
    body.push(`# step ${step + 1}: ${op.op}`, ...operationLines(op, step, unsupported));
    if (op.op === 'cast') body.push(`for n in ${pyStrings(op.columns)}:`, '    sql_of.pop(n, None)');
  });
  body.push('return df.select(*[exprs[n].alias(n) for n in names])');
  return { body };
};
