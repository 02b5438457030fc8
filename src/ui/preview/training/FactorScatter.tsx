import { useId, useMemo, useState, type JSX } from 'react';
import type { BlockState, EngineClient } from '../../../worker/engine-api';
import { formatCount } from '../number-format';
import { PlotlyChart } from '../PlotlyChart';
import { freshResultKey } from '../preview-status';
import { useEngineAnswer } from '../use-engine-answer';
import { colourColumns, factorColumns, readColour, readFactors, SCATTER_ITEMS } from './model-pages';
import { projectToPlane } from './pca';
import { factorFigure } from './training-figures';
import '../../styles/preview-chart.css';

/**
 * The item factors projected on their first two principal components, from the first page of the `items` output
 * (at most SCATTER_ITEMS rows, fetched through the preview path), optionally coloured by one of its other columns.
 */
export function FactorScatter({ engine, blockId, state }: { engine: EngineClient; blockId: string; state: BlockState }): JSX.Element {
  const id = useId();
  const [colourBy, setColourBy] = useState('');
  const columns = state.outputs.items ?? [];
  const factors = factorColumns(columns);
  const choices = colourColumns(columns);
  // The model's id column comes first in its factor outputs.
  const idColumn = choices[0]?.name ?? '';
  const key = freshResultKey(blockId, 'items', state);
  const answer = useEngineAnswer(key, `${blockId}\u0000items`, () => engine.preview({ blockId, port: 'items', offset: 0, limit: SCATTER_ITEMS }));
  const page = answer.value;
  const factorKey = factors.join(',');
  const projected = useMemo(() => {
    if (!page) return undefined;
    const rows = readFactors(page.arrow, factorKey.split(','), idColumn);
    return { ids: rows.ids, projection: projectToPlane(rows.values, rows.rows, factorKey.split(',').length) };
  }, [page, factorKey, idColumn]);
  const colourColumn = choices.find((c) => c.name === colourBy);
  const figure = useMemo(
    () => (projected && page ? factorFigure(projected.projection, projected.ids, colourColumn ? readColour(page.arrow, colourColumn) : undefined) : undefined),
    [projected, page, colourColumn],
  );
  const shown = projected?.ids.length ?? 0;

  return (
    <div className="training-scatter">
      <form className="chart-controls" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={`${id}-colour`}>Colour by</label>
        <select id={`${id}-colour`} value={colourColumn?.name ?? ''} onChange={(e) => setColourBy(e.target.value)}>
          <option value="">(one colour)</option>
          {choices.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name} ({c.type})
            </option>
          ))}
        </select>
        <span className="preview-muted" role="status">
          {answer.loading ? 'Projecting…' : page && page.totalRows > shown ? `The first ${formatCount(shown)} of ${formatCount(page.totalRows)} items.` : ''}
        </span>
      </form>
      {answer.error && (
        <p className="preview-error-inline" role="alert">
          {answer.error.code}: {answer.error.message}
        </p>
      )}
      {figure && (
        <div className="training-chart" data-testid="factor-scatter" data-points={shown}>
          <PlotlyChart traces={figure.traces} layout={figure.layout} label={`Item factors of ${formatCount(shown)} items on two principal components`} />
        </div>
      )}
    </div>
  );
}
