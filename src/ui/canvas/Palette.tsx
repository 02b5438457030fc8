import '../styles/canvas.css';
import '../styles/palette.css';
import { useId, useMemo, useState, type DragEvent, type JSX, type MouseEvent } from 'react';
import type { BlockKind } from '../../engine/blocks/registry';
import { getStudioState, studioActions } from '../state/studio-store';
import { freeSpotNear, LAYER_GAP, placeBlocks } from './auto-layout';
import { BLOCK_KIND_MIME, viewportCentre } from './canvas-bridge';
import { bestMatch, paletteGroups, type PaletteItem } from './palette-search';

/**
 * Adds a block to the right of the selected block, wired to it where the ports fit; with nothing selected, in the
 * middle of what the canvas shows. Either way on the nearest free spot.
 */
function addNearCentre(kind: BlockKind): void {
  const state = getStudioState();
  const taken = Object.values(placeBlocks(state.doc));
  const anchor = state.selection.length === 1 ? state.selection[0] : undefined;
  const at = anchor === undefined ? undefined : placeBlocks(state.doc)[anchor];
  if (anchor !== undefined && at) {
    studioActions.addBlock(kind, freeSpotNear({ x: at.x + LAYER_GAP, y: at.y }, taken), undefined, anchor);
    return;
  }
  const centre = viewportCentre();
  studioActions.addBlock(kind, centre ? freeSpotNear(centre, taken) : undefined);
}

function PaletteEntry({ item }: { item: PaletteItem }): JSX.Element {
  const onDragStart = (event: DragEvent<HTMLButtonElement>): void => {
    event.dataTransfer.setData(BLOCK_KIND_MIME, item.kind);
    event.dataTransfer.effectAllowed = 'copy';
  };
  // A click with detail 0 comes from the keyboard (Enter or Space); detail 2 is the second click of a double-click.
  // A single mouse click does nothing, so that pressing an item to start dragging it never adds a block.
  const onClick = (event: MouseEvent<HTMLButtonElement>): void => {
    if (event.detail === 0 || event.detail === 2) addNearCentre(item.kind);
  };
  return (
    <li>
      <button
        type="button"
        className="palette__item"
        draggable
        onDragStart={onDragStart}
        onClick={onClick}
        data-testid={`palette-${item.kind}`}
        title={`${item.description}\nDrag onto the canvas, or double-click (Enter) to add.`}
      >
        <span className="palette__item-title">{item.title}</span>
        <span className="palette__item-description">{item.description}</span>
      </button>
    </li>
  );
}

/** The block kinds, grouped by family and searchable; drag one onto the canvas, or double-click it, to add it. */
export function Palette(): JSX.Element {
  const [query, setQuery] = useState('');
  const groups = useMemo(() => paletteGroups(query), [query]);
  const searchId = useId();
  return (
    <div className="palette">
      <div className="palette__search">
        <label htmlFor={searchId} className="palette__search-label">
          Search blocks
        </label>
        <input
          id={searchId}
          type="search"
          placeholder="join, split, parquet…"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            // Enter in the search box adds the best match, which is listed first: type "als", press Enter.
            const best = query.trim() === '' ? undefined : bestMatch(query);
            if (event.key === 'Enter' && best) addNearCentre(best.kind);
          }}
          aria-describedby={`${searchId}-help`}
          data-testid="palette-search"
        />
        <p id={`${searchId}-help`} className="palette__help">
          Drag a block onto the canvas, or double-click it. Enter adds the best match, listed first.
        </p>
      </div>
      <div className="palette__groups">
        {groups.map((group) => (
          <section key={group.family} className="palette__group" aria-label={group.label}>
            <h3 className="palette__group-title">{group.label}</h3>
            <ul className="palette__list">
              {group.items.map((item) => (
                <PaletteEntry key={item.kind} item={item} />
              ))}
            </ul>
          </section>
        ))}
        {groups.length === 0 && <p className="palette__empty">No block matches “{query.trim()}”.</p>}
      </div>
    </div>
  );
}
