import { pyValue, sparkCastType, type SparkEmitter } from '../../spark/contract';
import type { CastType } from '../../sql/types';
import type { TypesFitted } from './definition';
import { CURRENCY_STRIP, formatFor, targetType } from '../written-formats';

type TypesParams = { columns: Record<string, CastType | 'auto'>; formats: Record<string, string>; onError: 'fail' | 'null' };

/** Types: each column cast to its chosen or fitted type, where that is not already its type. */
export const typesSpark: SparkEmitter<TypesParams, TypesFitted> = ({ params: p, fitted, unsupported }) => {
  if (!fitted) throw unsupported('the fitted column types', 'fitted', 'run the flow once (wrangle run --save-flow) so the types are stored in it');
  const targets: Record<string, string> = {};
  const formats: Record<string, [kind: string, pattern: string, shape: string, written: string]> = {};
  for (const name of new Set([...Object.keys(fitted.schema), ...Object.keys(p.columns), ...Object.keys(p.formats)])) {
    const target = targetType(p.columns[name], p.formats[name], name, fitted.schema[name]);
    if (target === undefined) continue;
    targets[name] = target;
    // The job applies a format to a text column only, as the DuckDB block does (a format on another type is refused there).
    const format = formatFor(name, target, p.formats[name], fitted.formats?.[name]);
    if (!format) continue;
    const { kind, spark, shape } = format.parsed;
    if (kind !== 'currency' && spark === undefined) throw unsupported(`the format ${format.format} of "${name}"`, 'formats', 'Spark reads a two-digit year in another century than DuckDB; write the year with four digits');
    formats[name] = [kind, spark ?? '', `^(${shape})$`, format.format];
  }
  for (const [name, type] of Object.entries(targets)) {
    if (sparkCastType(type as CastType) === undefined) throw unsupported(`a cast of "${name}" to ${type}`, 'columns', 'Spark has no TIME type');
  }
  const sparkOf = Object.fromEntries(Object.entries(targets).map(([n, t]) => [n, sparkCastType(t as CastType)!]));
  return {
    body: [
      `targets = ${pyValue(sparkOf)}`,
      `formats = ${pyValue(formats)}`,
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
      '    written = formats.get(field.name) if isinstance(field.dataType, T.StringType) else None',
      '    if written is not None:',
      '        # Text in a format: it must have the format\'s shape in full, then a datetime pattern reads it, or a',
      '        # currency amount loses its sign and thousands commas.',
      '        kind, pattern, shape, shown = written',
      '        value = F.expr(source)',
      `        amount = F.regexp_replace(value, ${pyValue(CURRENCY_STRIP)}, "")`,
      '        if kind == "currency" and target in ("INT", "BIGINT"):',
      '            amount = F.round(amount.cast("DOUBLE"))',
      `        read = amount if kind == "currency" else (F.try_to_timestamp(value, F.lit(pattern)) if cast == "try_cast" else F.to_timestamp(value, pattern))`,
      '        fits = value.rlike(shape) if kind == "currency" else (value.rlike(shape) & F.try_to_timestamp(value, F.lit(pattern)).isNotNull())',
      '        if cast == "try_cast":',
      '            converted = F.when(fits, read)',
      '        else:',
      '            why = F.concat(F.lit(f\'Column "{field.name}": "\'), value, F.lit(f\'" is not {shown}\'))',
      '            converted = F.when(value.isNull(), F.lit(None)).when(fits, read).otherwise(F.raise_error(why))',
      '        exprs.append(converted.cast(target).alias(field.name))',
      '        continue',
      '    # DuckDB rounds a floating-point value to the nearest integer (halves to even); Spark truncates.',
      '    if target in ("INT", "BIGINT") and isinstance(field.dataType, (T.DoubleType, T.FloatType)):',
      '        source = f"bround({source})"',
      '    exprs.append(F.expr(f"{cast}({source} AS {target})").alias(field.name))',
      'return df.select(*exprs)',
    ],
  };
};
