import { pyString, pyStrings, type SparkEmitter } from '../../spark/contract';
import type { MultiHotFitted } from './definition';

type MultiHotParams = { column: string; delimiter: string; prefix?: string | undefined; dropInput: boolean };

/** The delimiter as a Java regular expression that matches it literally (Spark's split takes a pattern). */
function literalPattern(delimiter: string): string {
  return [...delimiter].map((ch) => (/[\x20-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/.test(ch) ? `\\${ch}` : ch)).join('');
}

/**
 * Multi-hot with the fitted labels: the text split at the delimiter, each token trimmed, and a 0/1 INT column per
 * label at the end (a NULL cell has no labels: all zeros).
 */
export const multiHotSpark: SparkEmitter<MultiHotParams, MultiHotFitted> = ({ params: p, fitted, unsupported }) => {
  if (!fitted) throw unsupported('the fitted labels', 'fitted', 'run the flow once (wrangle run --save-flow) so the labels are stored in it');
  const prefix = p.prefix ?? `${p.column}_`;
  return {
    body: [
      `column = ${pyString(p.column)}`,
      `labels = ${pyStrings(fitted.labels)}`,
      `# The delimiter ${pyString(p.delimiter)}, matched literally; -1 keeps empty tokens, as DuckDB's string_split does.`,
      `tokens = F.transform(F.split(col(column).cast("string"), ${pyString(literalPattern(p.delimiter))}, -1), lambda token: F.trim(token))`,
      `flags = [F.coalesce(F.array_contains(tokens, label).cast("int"), F.lit(0)).alias(${pyString(prefix)} + label) for label in labels]`,
      `kept = [col(n) for n in df.columns${p.dropInput ? ' if n != column' : ''}]`,
      'return df.select(*kept, *flags)',
    ],
  };
};
