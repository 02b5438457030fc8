import { assertNever } from '../../assert-never';
import { defineBlock, type RunFacts } from '../contract';
import { evaluateParams } from './params';
import { compileRankingMetrics } from './ranking';
import { compileRatingMetrics } from './rating';

/** How much an evaluation scored: rows with both a rating and a prediction, or the holdout's users ranked. */
export interface EvaluateReport {
  scored: number;
  of: 'rows' | 'users';
}

/** Read from the one-row `metrics` output: rating mode counts rows (`count`), ranking mode users (`users`). */
async function scoredCount(firstRow: RunFacts['firstRow']): Promise<EvaluateReport | undefined> {
  const metrics = await firstRow?.('metrics');
  if (metrics?.count !== undefined) return { scored: Number(metrics.count), of: 'rows' };
  if (metrics?.users !== undefined) return { scored: Number(metrics.users), of: 'users' };
  return undefined;
}

export const evaluateBlock = defineBlock({
  kind: 'evaluate',
  family: 'model',
  title: 'Evaluate',
  description: 'Scores a model: rating error (RMSE, MAE, error distances, a crosstab) or top-k ranking (precision, recall, NDCG, hit rate, coverage).',
  params: evaluateParams,
  // Ports that depend on the settings: each is checked where it is read.
  inputs: (p): string[] => (p.mode === 'rating' ? ['in'] : ['recommendations', 'holdout', ...(p.useCatalog ? ['catalog'] : [])]),
  outputs: (p) => (p.mode === 'rating' ? ['metrics', 'crosstab'] : ['metrics']),
  report: ({ firstRow }) => scoredCount(firstRow),
  compile({ params: p, inputs }) {
    switch (p.mode) {
      case 'rating':
        return compileRatingMetrics(p, inputs.in!);
      case 'ranking':
        return compileRankingMetrics(p, inputs);
      default:
        return assertNever(p.mode);
    }
  },
});
