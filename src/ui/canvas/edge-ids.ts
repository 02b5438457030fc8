import type { FlowEdge } from '../../engine/flow/schema';

/**
 * The canvas names each connection `block.port->block.port`. Block ids cannot contain `.` or `>`, and port names are
 * URI-encoded, so the id is unambiguous and `parseEdgeId` inverts it.
 */
export function edgeId(edge: FlowEdge): string {
  return `${edge.from.block}.${encodeURIComponent(edge.from.port)}->${edge.to.block}.${encodeURIComponent(edge.to.port)}`;
}

function parseEnd(text: string): { block: string; port: string } | undefined {
  const dot = text.indexOf('.');
  if (dot <= 0 || dot === text.length - 1) return undefined;
  try {
    return { block: text.slice(0, dot), port: decodeURIComponent(text.slice(dot + 1)) };
  } catch {
    return undefined;
  }
}

/** The connection an edge id names, or undefined for an id this module did not make. */
export function parseEdgeId(id: string): FlowEdge | undefined {
  const arrow = id.indexOf('->');
  if (arrow < 0) return undefined;
  const from = parseEnd(id.slice(0, arrow));
  const to = parseEnd(id.slice(arrow + 2));
  return from && to ? { from, to } : undefined;
}

/** What React Flow reports when a connection is drawn: handle ids are port names. */
export interface CanvasConnection {
  source: string;
  target: string;
  sourceHandle?: string | null;
  targetHandle?: string | null;
}

/** The flow connection a drawn line stands for, or undefined when it did not start and end on a port. */
export function edgeFromConnection(connection: CanvasConnection): FlowEdge | undefined {
  const { source, target, sourceHandle, targetHandle } = connection;
  if (!source || !target || !sourceHandle || !targetHandle) return undefined;
  return { from: { block: source, port: sourceHandle }, to: { block: target, port: targetHandle } };
}

/** A port's handle as React Flow describes the two ends of a line being drawn. */
export interface HandleEnd {
  nodeId: string;
  id?: string | null;
  type: 'source' | 'target';
}

/** The connection between two handles, whichever end the user started from; undefined unless one is an output. */
export function edgeBetween(start: HandleEnd, end: HandleEnd): FlowEdge | undefined {
  const [source, target] = start.type === 'source' ? [start, end] : [end, start];
  if (source.type !== 'source' || target.type !== 'target') return undefined;
  return edgeFromConnection({ source: source.nodeId, sourceHandle: source.id, target: target.nodeId, targetHandle: target.id });
}
