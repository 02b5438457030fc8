import { assertNever } from '../../assert-never';
import { pyString, pyStrings, type SparkEmitter } from '../../spark/contract';
import type { ManageRowsParams } from './definition';

/** A sort term with DuckDB's explicit NULL placement, or its exact reverse. */
function term(column: string, descending: boolean, nullsFirst: boolean, reverse = false): string {
  const desc = descending !== reverse;
  const first = nullsFirst !== reverse;
  return `col(${column}).${desc ? 'desc' : 'asc'}_nulls_${first ? 'first' : 'last'}()`;
}

/**
 * Manage rows. A sort or shuffle gives an order that lasts until the next block reads the rows, as in DuckDB; a
 * drop of duplicates keeps the same row of each group (by the same order, ties broken by every column).
 */
export const manageRowsSpark: SparkEmitter<ManageRowsParams> = ({ params: p }) => {
  const tieBreak = `[${term('c', false, false)} for c in df.columns]`;
  switch (p.op) {
    case 'sort': {
      const keys = p.by.map((k) => term(pyString(k.column), k.descending, k.nulls === 'first'));
      return { body: [`return df.orderBy(*[${keys.join(', ')}], *${tieBreak})`] };
    }
    case 'shuffle':
      return { body: [`unit = seeded_unit(${p.seed}, row_key(df, []))`, `return df.orderBy(unit, *${tieBreak})`] };
    case 'drop-duplicates': {
      const body = [`columns = ${pyStrings(p.columns)}`];
      body.push(
        'if not columns or len(set(columns)) == len(df.columns):',
        '    return df.distinct()',
      );
      if (p.keep === 'any') body.push(`order = ${tieBreak}`);
      else {
        const reverse = p.keep === 'last';
        body.push(`order = [${term('c', false, false, reverse)} for c in ${pyStrings(p.orderBy)} + df.columns]`);
      }
      body.push(
        'first = F.row_number().over(Window.partitionBy(*[col(c) for c in columns]).orderBy(*order))',
        'return df.withColumn("__wrangle_n", first).where(col("__wrangle_n") == 1).drop("__wrangle_n")',
      );
      return { body };
    }
    default:
      return assertNever(p);
  }
};
