import { assertNever } from '../../assert-never';
import { defineBlock } from '../contract';
import { evaluateParams } from './params';
import { compileRankingMetrics } from './ranking';
import { compileRatingMetrics } from './rating';

export const evaluateBlock = defineBlock({
  kind: 'evaluate',
  family: 'model',
  title: 'Evaluate',
  description: 'Scores a model: rating error (RMSE, MAE, error distances, a crosstab) or top-k ranking (precision, recall, NDCG, hit rate, coverage).',
  params: evaluateParams,
  // Ports that depend on the settings: each is checked where it is read.
  inputs: (p): string[] => (p.mode === 'rating' ? ['in'] : ['recommendations', 'holdout', ...(p.useCatalog ? ['catalog'] : [])]),
  outputs: (p) => (p.mode === 'rating' ? ['metrics', 'crosstab'] : ['metrics']),
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
