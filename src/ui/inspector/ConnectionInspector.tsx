import type { JSX } from 'react';
import type { FlowDocument, FlowEdge } from '../../engine/flow/schema';
import type { PortRef } from '../../engine/plan/graph';
import { blockTitle } from '../blocks/hook-registry';
import { studioActions } from '../state/studio-store';

function PortEnd({ doc, end, side }: { doc: FlowDocument; end: PortRef; side: 'output' | 'input' }): JSX.Element {
  const block = doc.blocks.find((b) => b.id === end.block);
  return (
    <dd>
      <span className="inspector__end-block">{block ? blockTitle(block) : end.block}</span>
      <span className="inspector__muted">
        {' '}
        · {side} <code>{end.port}</code>
      </span>
    </dd>
  );
}

/** The selected wires: where each comes from and goes to, by block title, with Delete (the Delete key does it too). */
export function ConnectionInspector({ doc, edges }: { doc: FlowDocument; edges: FlowEdge[] }): JSX.Element {
  const remove = () => {
    for (const edge of edges) studioActions.disconnect(edge.from, edge.to);
  };
  const several = edges.length > 1;
  return (
    <div className="inspector__connection" data-testid="connection-inspector">
      <h2>{several ? `${edges.length} connections selected` : 'Connection'}</h2>
      {edges.map((edge) => (
        <dl key={`${edge.from.block}.${edge.from.port}>${edge.to.block}.${edge.to.port}`} className="inspector__ends">
          <dt>From</dt>
          <PortEnd doc={doc} end={edge.from} side="output" />
          <dt>To</dt>
          <PortEnd doc={doc} end={edge.to} side="input" />
        </dl>
      ))}
      <div className="inspector__actions">
        <button type="button" className="inspector__danger" onClick={remove}>
          {several ? `Delete ${edges.length} connections` : 'Delete connection'}
        </button>
      </div>
      <p className="inspector__muted">Delete or Backspace on the canvas removes it too. Drop another wire on the input to replace it.</p>
    </div>
  );
}
