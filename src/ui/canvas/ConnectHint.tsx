import { useConnection } from '@xyflow/react';
import type { JSX } from 'react';
import { getStudioState } from '../state/studio-store';
import { connectionProblem } from './connection-rules';
import { edgeBetween } from './edge-ids';

/** While a line is dragged over a port it may not connect to, says why, so the refusal is never silent. */
export function ConnectHint(): JSX.Element | null {
  const problem = useConnection((connection) => {
    if (!connection.inProgress || connection.isValid !== false || !connection.toHandle) return undefined;
    const edge = edgeBetween(connection.fromHandle, connection.toHandle);
    return edge ? connectionProblem(getStudioState().doc, edge) : 'Connect an output (right side) to an input (left side).';
  });
  if (!problem) return null;
  return (
    <div className="canvas-hint canvas-hint--warning" role="status">
      {problem}
    </div>
  );
}
