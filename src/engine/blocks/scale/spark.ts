import { pyString, pyValue, type SparkEmitter } from '../../spark/contract';
import type { ScaleFitted, scaleMethods } from './definition';

type ScaleParams = { columns: string[]; method: (typeof scaleMethods)[number]; outputSuffix?: string | undefined };

/**
 * Scale with the fitted statistics: `(x - center) / scale` as DOUBLE, the numbers the flow stores, so Spark applies
 * exactly what DuckDB fitted. In place by default; with a suffix, the scaled copies go at the end.
 */
export const scaleSpark: SparkEmitter<ScaleParams, ScaleFitted> = ({ params: p, fitted, unsupported }) => {
  const stats = fitted?.stats;
  const missing = p.columns.find((c) => !stats || !Object.hasOwn(stats, c));
  if (!stats || missing !== undefined) {
    throw unsupported(`the fitted statistics of "${missing ?? p.columns[0]}"`, 'fitted', 'run the flow once (wrangle run --save-flow) so they are stored in it');
  }
  const lines = p.columns.map((c) => `    ${pyString(c)}: (${pyValue(stats[c]!.center)}, ${pyValue(stats[c]!.scale)}),`);
  return {
    body: [
      `stats = {  # column: (center, scale), fitted by the ${p.method} method`,
      ...lines,
      '}',
      'def scaled(name):',
      '    center, scale = stats[name]',
      '    return (col(name).cast("double") - F.lit(float(center))) / F.lit(float(scale))',
      ...(p.outputSuffix === undefined
        ? ['return df.select(*[scaled(n).alias(n) if n in stats else col(n) for n in df.columns])']
        : [`return df.select(*[col(n) for n in df.columns], *[scaled(n).alias(n + ${pyString(p.outputSuffix)}) for n in stats])`]),
    ],
  };
};
