import type { ReportTelling } from '../blocks/contract';
import type { ModelReport } from './als-contract';

/** What `--json` says about a trained model: where it trained and how it ended. */
function modelSummary(m: ModelReport) {
  const last = m.history.at(-1);
  return {
    backend: m.backend,
    ...(m.fallbackReason ? { fallbackReason: m.fallbackReason } : {}),
    users: m.users,
    items: m.items,
    ratings: m.ratings,
    iterations: m.history.length,
    ...(last ? { loss: last.loss, trainRmse: last.trainRmse, validationRmse: last.validationRmse, trainSeconds: last.seconds } : {}),
  };
}

/** How the CLI tells a model block's training report: where it trained, and a summary in `--json`. */
export function tellModelReport(m: ModelReport): ReportTelling {
  return { status: `trained on ${m.backend}${m.fallbackReason ? ` (no GPU: ${m.fallbackReason})` : ''}`, json: { model: modelSummary(m) } };
}
