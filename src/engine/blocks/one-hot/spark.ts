import { pyString, pyStrings, type SparkEmitter } from '../../spark/contract';
import type { OneHotFitted } from './definition';

type OneHotParams = { column: string; unknown: 'keep' | 'error' | 'ignore' };

/** One-hot with the fitted labels: a 0/1 INT column per label at the end, the input column dropped. */
export const oneHotSpark: SparkEmitter<OneHotParams, OneHotFitted> = ({ params: p, fitted, unsupported }) => {
  if (!fitted) throw unsupported('the fitted labels', 'fitted', 'run the flow once (wrangle run --save-flow) so the labels are stored in it');
  const body = [
    `column = ${pyString(p.column)}`,
    `labels = ${pyStrings(fitted.labels)}`,
    'value = col(column).cast("string")',
    '# A NULL category is all zeros, not NULL.',
    'flags = [F.coalesce((value == label).cast("int"), F.lit(0)).alias(f"{column}_{label}") for label in labels]',
  ];
  if (p.unknown === 'keep') {
    body.push('flags.append(F.coalesce((value.isNotNull() & ~value.isin(labels)).cast("int"), F.lit(0)).alias(f"{column}_unknown"))');
  }
  if (p.unknown === 'error') {
    body.push(
      'unknown = value.isNotNull() & ~value.isin(labels)',
      'df = df.where(F.when(unknown, F.raise_error(F.concat(F.lit("E_UNKNOWN_CATEGORY value: "), value))).otherwise(F.lit(True)))',
    );
  }
  body.push('return df.select(*[col(c) for c in df.columns if c != column], *flags)');
  return { body };
};
