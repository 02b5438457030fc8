import { pyString, pyStrings, type SparkEmitter } from '../../spark/contract';
import type { OrdinalFitted } from './definition';

type OrdinalParams = { column: string; outputColumn?: string | undefined; unknown: 'keep' | 'error' | 'ignore' };

/** Ordinal with the fitted labels: each value's index in the label order, as an INT. */
export const ordinalSpark: SparkEmitter<OrdinalParams, OrdinalFitted> = ({ params: p, fitted, unsupported }) => {
  if (!fitted) throw unsupported('the fitted labels', 'fitted', 'run the flow once (wrangle run --save-flow) so the labels are stored in it');
  const body = [
    `column = ${pyString(p.column)}`,
    `labels = ${pyStrings(fitted.labels)}`,
    'value = col(column).cast("string")',
    `unknown_index = ${p.unknown === 'keep' ? 'F.lit(len(labels))' : 'F.lit(None)'}`,
    'index = unknown_index',
    'for i, label in reversed(list(enumerate(labels))):',
    '    index = F.when(value == label, F.lit(i)).otherwise(index)',
    'index = F.when(value.isNull(), F.lit(None)).otherwise(index).cast("int")',
  ];
  if (p.unknown === 'error') {
    body.push(
      'unknown = value.isNotNull() & ~value.isin(labels)',
      'df = df.where(F.when(unknown, F.raise_error(F.concat(F.lit("E_UNKNOWN_CATEGORY value: "), value))).otherwise(F.lit(True)))',
    );
  }
  const out = p.outputColumn ?? p.column;
  body.push(
    `out = ${pyString(out)}`,
    'if out == column:',
    '    return df.select(*[index.alias(c) if c == column else col(c) for c in df.columns])',
    'return df.withColumn(out, index)',
  );
  return { body };
};
