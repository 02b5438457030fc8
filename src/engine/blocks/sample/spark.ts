import { assertNever } from '../../assert-never';
import { pyString, pyStrings, type SparkEmitter } from '../../spark/contract';
import type { SampleParams } from './definition';

/** A sample: the same md5 units from the same key text as the DuckDB compiler, so the same rows are kept. */
export const sampleSpark: SparkEmitter<SampleParams> = ({ params: p }) => {
  if (p.mode === 'first') return { body: ['# The first rows in the current order: as repeatable as that order, on either engine.', `return df.limit(${p.rows})`] };
  const body = [`key = row_key(df, ${pyStrings(p.keyColumns)})`, `unit = seeded_unit(${p.seed}, key)`];
  switch (p.mode) {
    case 'fraction':
      body.push(p.fraction >= 1 ? 'return df' : `return df.where(unit < ${p.fraction})`);
      break;
    case 'rows':
      body.push(
        '# Rows sharing a key share a unit; every column breaks that tie.',
        `return df.orderBy(unit, *[col(c).asc_nulls_last() for c in df.columns]).limit(${p.rows})`,
      );
      break;
    case 'stratified':
      body.push(
        `stratum = col(${pyString(p.column)})`,
        'within = Window.partitionBy(stratum).orderBy(unit.asc_nulls_last(), key.asc_nulls_last())',
        'pos = (F.row_number().over(within) - 1) / F.count(F.lit(1)).over(Window.partitionBy(stratum))',
        `return df.withColumn("__wrangle_pos", pos).where(col("__wrangle_pos") < ${p.fraction}).drop("__wrangle_pos")`,
      );
      break;
    default:
      return assertNever(p);
  }
  return { body };
};
