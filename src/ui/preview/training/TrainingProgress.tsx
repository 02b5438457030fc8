import type { JSX } from 'react';
import { studioActions } from '../../state/studio-store';
import type { LiveTraining } from '../../state/training-state';
import { formatStat } from '../number-format';
import { LossChart } from './LossChart';
import { useNow } from './use-now';

/**
 * A training as it runs: where it is and on what, for how long, the loss so far, and its Stop button (the only one
 * on this tab: the panel's own Stop steps aside for it). Where it trains, and why not on the GPU, is told once, in
 * the finished model's details.
 */
export function TrainingProgress({ blockId, live }: { blockId: string; live: LiveTraining | undefined }): JSX.Element {
  const now = useNow(live !== undefined);
  const last = live?.points.at(-1);
  const cancelling = live?.cancelling === true;
  const where = live === undefined ? 'Preparing the ratings…' : last ? `Iteration ${last.iteration} of ${live.maxIter ?? '?'}` : 'Training started…';
  const figures = last
    ? [`loss ${formatStat(last.loss)}`, last.trainRmse !== undefined ? `train RMSE ${formatStat(last.trainRmse)}` : '', last.validationRmse !== undefined ? `validation RMSE ${formatStat(last.validationRmse)}` : '']
    : [];
  return (
    <div className="training-tab" data-testid="training-live">
      <div className="training-status">
        <span className="training-status__where" role="status">
          {where}
        </span>
        {figures.filter(Boolean).map((f) => (
          <span key={f} className="training-status__figure">
            {f}
          </span>
        ))}
        {live?.stage && <span className="training-status__stage">{live.stage}</span>}
        {live?.backend && <span className="training-status__backend">training on {live.backend}</span>}
        {live && <span className="training-status__elapsed">{Math.max(0, (now - live.startedAt) / 1000).toFixed(1)} s</span>}
        <button
          type="button"
          className="training-cancel"
          onClick={() => studioActions.cancelTraining(blockId)}
          disabled={cancelling}
          title="Stop this training: the block waits until you edit it or press Train again; the rest of the flow runs on"
        >
          {cancelling ? 'Stopping…' : 'Stop'}
        </button>
      </div>
      {live && live.points.length > 0 && <LossChart points={live.points} maxIter={live.maxIter} />}
    </div>
  );
}
