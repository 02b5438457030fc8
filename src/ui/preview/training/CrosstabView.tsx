import { useMemo, type JSX } from 'react';
import type { BlockState, EngineClient } from '../../../worker/engine-api';
import { formatPercent } from '../number-format';
import { PlotlyChart } from '../chart/PlotlyChart';
import { freshResultKey } from '../preview-status';
import { useEngineAnswer } from '../use-engine-answer';
import { CROSSTAB_CELLS, readCrosstab } from './model-pages';
import { crosstabFigure } from './training-figures';
import '../../styles/preview-training.css';

/** The Evaluation tab of an evaluate block (rating mode): its observed × predicted crosstab as a heatmap. */
export function CrosstabView({ engine, blockId, state }: { engine: EngineClient; blockId: string; state: BlockState }): JSX.Element {
  const key = freshResultKey(blockId, 'crosstab', state);
  const answer = useEngineAnswer(key, `${blockId}\u0000crosstab`, () =>
    engine.preview({ blockId, port: 'crosstab', offset: 0, limit: CROSSTAB_CELLS }).then((page) => readCrosstab(page.arrow)),
  );
  const cells = answer.value;
  const figure = useMemo(() => (cells ? crosstabFigure(cells) : undefined), [cells]);
  const total = cells?.reduce((s, c) => s + c.count, 0) ?? 0;
  const exact = cells?.filter((c) => c.observed === c.predicted).reduce((s, c) => s + c.count, 0) ?? 0;
  return (
    <div className="training-tab">
      <p className="training-caption" role="status">
        {answer.loading ? 'Loading the crosstab…' : cells ? `${formatPercent(exact, total)} of ${total.toLocaleString('en-US')} predictions are exact (on the diagonal).` : ''}
      </p>
      {answer.error && (
        <p className="preview-error-inline" role="alert">
          {answer.error.code}: {answer.error.message}
        </p>
      )}
      {figure && (
        <div className="training-chart" data-testid="crosstab-heatmap">
          <PlotlyChart traces={figure.traces} layout={figure.layout} label="Observed against predicted ratings" />
        </div>
      )}
    </div>
  );
}
