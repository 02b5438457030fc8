import { useId, useMemo, useState, type JSX } from 'react';
import type { BlockState, EngineClient } from '../../../worker/engine-api';
import { useStudio } from '../../state/studio-store';
import { formatCount } from '../number-format';
import { PlotlyChart } from '../chart/PlotlyChart';
import { freshResultKey } from '../preview-status';
import { useEngineAnswer } from '../use-engine-answer';
import { defaultColourChoice, joinedColourChoices, ownColourChoices, type ColourChoice } from './colour-choices';
import { factorColumns, readColour, readFactors, readJoinedColour, SCATTER_ITEMS, type ColourValues } from './model-pages';
import { projectToPlane } from './pca';
import { factorFigure } from './training-figures';
import '../../styles/preview-chart.css';

/**
 * The item factors projected on their first two principal components, from the first page of the `items` output
 * (at most SCATTER_ITEMS rows, fetched through the preview path), optionally coloured by one of its other columns or
 * by a column of another output joined on the item id (by default a `genre`, where one is joinable).
 */
export function FactorScatter({ engine, blockId, state }: { engine: EngineClient; blockId: string; state: BlockState }): JSX.Element {
  const id = useId();
  // Undefined until the user picks: the default (a genre) then applies as soon as its output is known.
  const [picked, setPicked] = useState<string>();
  const columns = state.outputs.items ?? [];
  const factors = factorColumns(columns);
  const own = useMemo(() => ownColourChoices(columns), [columns]);
  // The model's id column comes first in its factor outputs.
  const idColumn = own[0]?.column.name ?? '';
  const blocks = useStudio((s) => s.doc.blocks);
  const runtime = useStudio((s) => s.runtime);
  const joined = useMemo(() => joinedColourChoices(blocks, runtime, blockId, idColumn), [blocks, runtime, blockId, idColumn]);
  const chosen: ColourChoice | undefined = picked === undefined ? defaultColourChoice(joined) : [...own, ...joined].find((c) => c.value === picked);

  const key = freshResultKey(blockId, 'items', state);
  const answer = useEngineAnswer(key, `${blockId}\u0000items`, () => engine.preview({ blockId, port: 'items', offset: 0, limit: SCATTER_ITEMS }));
  const page = answer.value;
  const factorKey = factors.join(',');
  const projected = useMemo(() => {
    if (!page) return undefined;
    const rows = readFactors(page.arrow, factorKey.split(','), idColumn);
    return { ids: rows.ids, projection: projectToPlane(rows.values, rows.rows, factorKey.split(',').length) };
  }, [page, factorKey, idColumn]);

  const joinedValues = useJoinedValues(engine, blockId, state, idColumn, chosen?.kind === 'joined' ? chosen : undefined);
  // An answer is used only for the question now asked: while another is on its way, the last one stays readable.
  const joinedBytes = joinedValues.asked && !joinedValues.loading ? joinedValues.value : undefined;
  // Choices are rebuilt whenever any block's state changes; the colours only when the choice itself does.
  const chosenValue = chosen?.value;
  const colour: ColourValues | undefined = useMemo(() => {
    if (!chosen || !page || !projected) return undefined;
    if (chosen.kind === 'own') return readColour(page.arrow, chosen.column);
    return joinedBytes ? readJoinedColour(joinedBytes, chosen.column, projected.ids) : undefined;
  }, [chosenValue, page, projected, joinedBytes]);
  const figure = useMemo(() => (projected ? factorFigure(projected.projection, projected.ids, colour) : undefined), [projected, colour]);
  const shown = projected?.ids.length ?? 0;
  const error = answer.error ?? joinedValues.error;
  const status = answer.loading ? 'Projecting…' : joinedValues.loading ? `Joining ${chosen?.label ?? ''}…` : page && page.totalRows > shown ? `The first ${formatCount(shown)} of ${formatCount(page.totalRows)} items.` : '';
  return (
    <div className="training-scatter">
      <form className="chart-controls" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={`${id}-colour`}>Colour by</label>
        <select id={`${id}-colour`} value={chosen?.value ?? ''} onChange={(e) => setPicked(e.target.value)}>
          <option value="">(one colour)</option>
          <optgroup label="This model's items">
            {own.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </optgroup>
          {joined.length > 0 && (
            <optgroup label={`Joined on ${idColumn}`}>
              {joined.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </optgroup>
          )}
        </select>
        <span className="preview-muted" role="status">
          {status}
        </span>
      </form>
      {error && (
        <p className="preview-error-inline" role="alert">
          {error.code}: {error.message}
        </p>
      )}
      {figure && (
        <div className="training-chart" data-testid="factor-scatter" data-points={shown} data-colour={colour?.name ?? ''}>
          <PlotlyChart traces={figure.traces} layout={figure.layout} label={`Item factors of ${formatCount(shown)} items on two principal components`} />
        </div>
      )}
    </div>
  );
}

/** The chosen joined column for the items of the scatter's page, asked of the engine once per fresh result of both outputs. */
function useJoinedValues(engine: EngineClient, blockId: string, state: BlockState, idColumn: string, choice: Extract<ColourChoice, { kind: 'joined' }> | undefined) {
  const source = useStudio((s) => (choice ? s.runtime[choice.blockId] : undefined));
  const itemsKey = freshResultKey(blockId, 'items', state);
  const sourceKey = choice ? freshResultKey(choice.blockId, choice.port, source) : undefined;
  const key = itemsKey && sourceKey && choice ? JSON.stringify([itemsKey, sourceKey, choice.column.name]) : undefined;
  const answer = useEngineAnswer(key, `${blockId}\u0000items\u0000joined`, () =>
    engine.itemValues({
      items: { blockId, port: 'items', key: idColumn },
      from: { blockId: choice!.blockId, port: choice!.port, key: choice!.key, column: choice!.column.name },
      limit: SCATTER_ITEMS,
    }),
  );
  return { ...answer, asked: key !== undefined };
}
