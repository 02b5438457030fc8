import { useId, useMemo, type JSX } from 'react';
import type { Column } from '../../../engine/blocks/contract';
import type { ChartKind, EngineClient } from '../../../worker/engine-api';
import { CHART_KINDS, chartRequest, defaultChartPick, needsY, plotlyFigure, resolveChartPick, type ChartPick } from './chart-spec';
import { formatCount } from '../number-format';
import { PlotlyChart } from './PlotlyChart';
import { useEngineAnswer } from '../use-engine-answer';
import '../../styles/preview-chart.css';

export interface ChartViewProps {
  engine: EngineClient;
  blockId: string;
  port: string;
  resultKey: string;
  columns: Column[];
  /**
   * The user's picks for this block's output, kept by the panel so they survive switching tabs and blocks; undefined
   * until the user picks, when the chart opens on the output's most meaningful column.
   */
  pick: ChartPick | undefined;
  onPick(pick: ChartPick): void;
}

/** A chart of the output, aggregated or sampled by the engine and drawn with plotly; it redraws on every change. */
export function ChartView({ engine, blockId, port, resultKey, columns, pick, onPick }: ChartViewProps): JSX.Element {
  const id = useId();
  const chosen = pick ? resolveChartPick(pick, columns) : defaultChartPick(columns);
  const request = chartRequest(blockId, port, chosen.kind, chosen.x, chosen.y);
  const key = request ? JSON.stringify([resultKey, request]) : undefined;
  const answer = useEngineAnswer(key, `${blockId}\u0000${port}`, () => (request ? engine.chart(request) : Promise.reject(new Error('No chart picked'))));
  const figure = useMemo(
    () => (answer.value ? plotlyFigure(answer.value, chosen.x, needsY(answer.value.kind) ? chosen.y : undefined) : undefined),
    [answer.value, chosen.x, chosen.y],
  );

  const columnOptions = columns.map((c) => (
    <option key={c.name} value={c.name}>
      {c.name} ({c.type})
    </option>
  ));

  return (
    <div className="chart-view" data-testid="chart-view">
      <form className="chart-controls" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={`${id}-kind`}>Chart</label>
        <select id={`${id}-kind`} value={chosen.kind} onChange={(e) => onPick({ ...chosen, kind: e.target.value as ChartKind })}>
          {CHART_KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-x`}>{chosen.kind === 'bar' ? 'Categories' : 'X'}</label>
        <select id={`${id}-x`} value={chosen.x} onChange={(e) => onPick({ ...chosen, x: e.target.value })}>
          {columnOptions}
        </select>
        {needsY(chosen.kind) && (
          <>
            <label htmlFor={`${id}-y`}>Y</label>
            <select id={`${id}-y`} value={chosen.y} onChange={(e) => onPick({ ...chosen, y: e.target.value })}>
              {columnOptions}
            </select>
          </>
        )}
        <span className="preview-muted" role="status">
          {answer.loading ? 'Drawing…' : answer.value?.sampled ? `A seeded sample of ${formatCount(answer.value.x.length)} points.` : ''}
        </span>
      </form>
      {answer.error && (
        <p className="preview-error-inline" role="alert">
          {answer.error.code}: {answer.error.message}
        </p>
      )}
      {!request && <p className="preview-muted">This output has no column to chart.</p>}
      {figure && !answer.error && (
        <PlotlyChart traces={figure.traces} layout={figure.layout} label={`${CHART_KINDS.find((k) => k.kind === chosen.kind)?.label ?? ''} of ${chosen.x}`} />
      )}
    </div>
  );
}
