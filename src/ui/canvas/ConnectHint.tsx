import { useConnection } from '@xyflow/react';
import type { JSX } from 'react';
import { portInWords } from '../state/connection-words';
import { getStudioState } from '../state/studio-store';
import { connectionProblem } from './connection-rules';
import { edgeBetween } from './edge-ids';

// The selector returns a string, so the hint re-renders only when its words change, not on every pointer move.
const WARNING = 'warning\u0000';
const INFO = 'info\u0000';

/**
 * While a line is dragged over a port, says why it may not connect there, so a refusal is never silent; over an input
 * that already has a connection, says which one the drop will replace.
 */
export function ConnectHint(): JSX.Element | null {
  const hint = useConnection((connection): string | undefined => {
    if (!connection.inProgress || !connection.toHandle) return undefined;
    const edge = edgeBetween(connection.fromHandle, connection.toHandle);
    const doc = getStudioState().doc;
    if (connection.isValid === false) {
      const problem = edge ? connectionProblem(doc, edge) : 'Connect an output (right side) to an input (left side).';
      return problem && WARNING + problem;
    }
    const taken = edge && doc.edges.find((e) => e.to.block === edge.to.block && e.to.port === edge.to.port);
    return taken && INFO + `Dropping here replaces the connection from ${portInWords(doc, taken.from)}.`;
  });
  if (!hint) return null;
  const [kind, text] = hint.split('\u0000');
  return (
    <div className={`canvas-hint canvas-hint--${kind}`} role="status">
      {text}
    </div>
  );
}
