import '../styles/inspector.css';
import type { JSX } from 'react';
import { studioActions, useStudio } from '../state/studio-store';
import { BlockInspector } from './BlockInspector';
import { ConnectionInspector } from './ConnectionInspector';

/**
 * The selected block's settings, or what can be done with several selected, or the selected wires, or a hint. The
 * shell gives the landmark.
 */
export function Inspector(): JSX.Element {
  const selection = useStudio((s) => s.selection);
  const doc = useStudio((s) => s.doc);
  const selectedEdges = useStudio((s) => s.selectedEdges);
  const blocks = doc.blocks;
  const selected = blocks.filter((b) => selection.includes(b.id));
  const only = selected.length === 1 ? selected[0] : undefined;
  return (
    <div className="inspector" data-testid="inspector">
      {only ? (
        // Keyed by id, so that a different block starts with its own draft.
        <BlockInspector key={only.id} block={only} />
      ) : selected.length > 1 ? (
        <div className="inspector__multi">
          <h2>{selected.length} blocks selected</h2>
          <ul className="inspector__names">
            {selected.map((b) => (
              <li key={b.id}>{b.label ?? b.id}</li>
            ))}
          </ul>
          <div className="inspector__actions">
            <button type="button" className="inspector__danger" onClick={() => studioActions.removeBlocks(selected.map((b) => b.id))}>
              Delete {selected.length} blocks
            </button>
            <button type="button" onClick={() => studioActions.copySelection()}>
              Copy
            </button>
          </div>
        </div>
      ) : selectedEdges.length > 0 ? (
        <ConnectionInspector doc={doc} edges={selectedEdges} />
      ) : (
        <div className="inspector__empty">
          <h2>Nothing selected</h2>
          <p>Select a block to edit its settings and see its SQL, or a connection to see what it joins.</p>
          <p>Add blocks from the palette. Connect an output (right side of a block) to an input (left side).</p>
          <p className="inspector__muted">Shift-click or shift-drag selects several. Delete removes them; Ctrl+C and Ctrl+V copy them.</p>
        </div>
      )}
    </div>
  );
}
