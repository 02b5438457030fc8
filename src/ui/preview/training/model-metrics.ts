import type { ModelReport } from '../../../worker/engine-api';
import { formatCount, formatMetric, formatPercent } from '../number-format';

export interface Metric {
  label: string;
  value: string;
  /** The value in full, for the hover title, when `value` is rounded. */
  full?: string;
}

/** The figures of a trained model, in the order a reader checks them: fit, data, settings, time. */
export function modelMetrics(report: ModelReport): Metric[] {
  const last = report.history.at(-1);
  const cells = report.users * report.items;
  const metrics: Metric[] = [];
  const add = (label: string, value: string | undefined) => {
    if (value !== undefined) metrics.push({ label, value });
  };
  const addFigure = (label: string, value: number | undefined) => {
    if (value === undefined) return;
    const { text, full } = formatMetric(value);
    metrics.push({ label, value: text, ...(full !== undefined ? { full } : {}) });
  };
  addFigure('final loss', last?.loss);
  addFigure('train RMSE', last?.trainRmse);
  addFigure('validation RMSE', last?.validationRmse);
  add('users', formatCount(report.users));
  add('items', formatCount(report.items));
  add('ratings', formatCount(report.ratings));
  // The share of the user × item matrix with no rating, as Spark notebooks report it.
  add('sparsity', cells > 0 ? formatPercent(cells - report.ratings, cells) : undefined);
  add('rank', formatCount(report.params.rank));
  addFigure('regParam', report.params.regParam);
  add('iterations', formatCount(report.history.length));
  if (report.params.implicitPrefs) addFigure('alpha (implicit)', report.params.alpha);
  // The training's own time: the block's time is near zero when its result came from the cache.
  add('training time', last ? `${last.seconds.toFixed(1)} s` : undefined);
  return metrics;
}

/** Where the model trained, as sentences: the backend, and why the GPU was not used when it was not. */
export function trainingPlace(report: Pick<ModelReport, 'backend' | 'fallbackReason'>): { trainedOn: string; gpuNotUsed?: string } {
  return { trainedOn: `trained on ${report.backend}`, ...(report.fallbackReason ? { gpuNotUsed: `GPU not used: ${report.fallbackReason}` } : {}) };
}
