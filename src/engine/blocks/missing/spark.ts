import { pyString, pyStrings, type SparkEmitter } from '../../spark/contract';
import type { MissingFitted } from './definition';

type MissingParams = {
  columns: string[];
  strategy: 'constant' | 'mean' | 'median' | 'mode' | 'drop-rows';
  value?: string | number | boolean | undefined;
  indicator: boolean;
};

/**
 * Missing values (NULL, or NaN in a floating-point column): filled with the constant or the fitted value, through
 * its text so it takes the column's type (mean and median fill an integer column as DOUBLE), or their rows dropped.
 */
export const missingSpark: SparkEmitter<MissingParams, MissingFitted> = ({ params: p, fitted, unsupported }) => {
  const fills: Record<string, string | null> = {};
  for (const name of p.columns) {
    if (p.strategy === 'constant') fills[name] = p.value === undefined ? null : String(p.value);
    else if (p.strategy !== 'drop-rows') {
      const values = fitted?.values;
      if (!values || !Object.hasOwn(values, name)) throw unsupported(`the fitted ${p.strategy} of "${name}"`, 'fitted', 'run the flow once (wrangle run --save-flow) so it is stored in it');
      const v = values[name];
      fills[name] = v === null || v === undefined ? null : String(v);
    }
  }
  const fillLines = Object.entries(fills).map(([n, v]) => `    ${pyString(n)}: ${v === null ? 'None' : pyString(v)},`);
  return {
    body: [
      `columns = ${pyStrings(p.columns)}`,
      ...(p.strategy === 'drop-rows' ? [] : ['fills = {', ...fillLines, '}']),
      'out = []',
      'kept = []',
      'for field in df.schema.fields:',
      '    c = col(field.name)',
      '    is_float = isinstance(field.dataType, (T.DoubleType, T.FloatType))',
      '    missing = (c.isNull() | F.isnan(c)) if is_float else c.isNull()',
      '    if field.name not in columns:',
      '        out.append(c)',
      '        continue',
      '    kept.append(~missing)',
      ...(p.strategy === 'drop-rows'
        ? ['    out.append(c)']
        : [
            `    as_double = ${p.strategy === 'mean' || p.strategy === 'median' ? 'True' : 'False'} and not is_float`,
            '    out_type = "double" if as_double else field.dataType.simpleString()',
            '    fill = F.lit(fills[field.name]).cast(out_type)',
            '    out.append(F.when(missing, fill).otherwise(c.cast(out_type) if as_double else c).alias(field.name))',
          ]),
      ...(p.indicator ? ['    out.append(missing.cast("int").alias(field.name + "_missing"))'] : []),
      ...(p.strategy === 'drop-rows' ? ['for condition in kept:', '    df = df.where(condition)'] : []),
      'return df.select(*out)',
    ],
  };
};
