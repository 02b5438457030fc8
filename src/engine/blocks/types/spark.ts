import { pyValue, type SparkEmitter } from '../../spark/contract';
import type { CastType } from '../../sql/types';
import type { TypesFitted } from './definition';

type TypesParams = { columns: Record<string, CastType | 'auto'>; onError: 'fail' | 'null' };

/** DuckDB's cast types as Spark spells them (TIME has none). */
const SPARK_TYPES: Partial<Record<CastType, string>> = {
  VARCHAR: 'STRING',
  BOOLEAN: 'BOOLEAN',
  INTEGER: 'INT',
  BIGINT: 'BIGINT',
  DOUBLE: 'DOUBLE',
  'DECIMAL(18,3)': 'DECIMAL(18,3)',
  DATE: 'DATE',
  TIMESTAMP: 'TIMESTAMP',
};

/** Types: each column cast to its chosen or fitted type, where that is not already its type. */
export const typesSpark: SparkEmitter<TypesParams, TypesFitted> = ({ params: p, fitted, unsupported }) => {
  if (!fitted) throw unsupported('the fitted column types', 'fitted', 'run the flow once (wrangle run --save-flow) so the types are stored in it');
  const targets: Record<string, string> = { ...fitted.schema };
  for (const [name, chosen] of Object.entries(p.columns)) if (chosen !== 'auto') targets[name] = chosen;
  for (const [name, type] of Object.entries(targets)) {
    if (SPARK_TYPES[type as CastType] === undefined) throw unsupported(`a cast of "${name}" to ${type}`, 'columns', 'Spark has no TIME type');
  }
  const sparkOf = Object.fromEntries(Object.entries(targets).map(([n, t]) => [n, SPARK_TYPES[t as CastType]!]));
  return {
    body: [
      `targets = ${pyValue(sparkOf)}`,
      `cast = ${pyValue(p.onError === 'null' ? 'try_cast' : 'CAST')}`,
      'exprs = []',
      'for field in df.schema.fields:',
      '    target = targets.get(field.name)',
      '    if target is None or target.lower() == field.dataType.simpleString().replace("integer", "int"):',
      '        exprs.append(col(field.name))',
      '        continue',
      '    source = "`" + field.name.replace("`", "``") + "`"',
      '    # A blank text cell is a missing value, whatever the type: NULL, never a conversion error.',
      '    if isinstance(field.dataType, T.StringType) and target != "STRING":',
      '        source = f"nullif(trim({source}), \'\')"',
      '    # DuckDB rounds a floating-point value to the nearest integer (halves to even); Spark truncates.',
      '    if target in ("INT", "BIGINT") and isinstance(field.dataType, (T.DoubleType, T.FloatType)):',
      '        source = f"bround({source})"',
      '    exprs.append(F.expr(f"{cast}({source} AS {target})").alias(field.name))',
      'return df.select(*exprs)',
    ],
  };
};
