/** Where the canvas looks when it fits a flow: the whole flow where it fits at a readable zoom, else its start. */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FitLimits {
  /** Screen pixels kept free around the flow. */
  padding: number;
  /** The smallest zoom at which block titles still read (11 px for a 13 px title). */
  minZoom: number;
  maxZoom: number;
}

/**
 * The viewport (pan and zoom, as React Flow takes it) that shows `bounds` (flow units) in a pane of the given size:
 * as big as fits, within the limits. Along an axis where the flow fits it is centred; along one where even the
 * smallest readable zoom cannot hold it, its start (the left, where a flow's inputs are, or the top) is shown at the
 * padding, and the rest is a pan away. Centring an oversized flow would cut off both ends, inputs included.
 */
export function readableFit(bounds: Rect, pane: { width: number; height: number }, limits: FitLimits): { x: number; y: number; zoom: number } {
  const room = { width: Math.max(1, pane.width - 2 * limits.padding), height: Math.max(1, pane.height - 2 * limits.padding) };
  const wanted = Math.min(room.width / Math.max(bounds.width, 1), room.height / Math.max(bounds.height, 1));
  const zoom = Math.min(limits.maxZoom, Math.max(limits.minZoom, wanted));
  const axis = (start: number, size: number, roomSize: number): number =>
    size * zoom <= roomSize ? limits.padding + (roomSize - size * zoom) / 2 - start * zoom : limits.padding - start * zoom;
  return { x: axis(bounds.x, bounds.width, room.width), y: axis(bounds.y, bounds.height, room.height), zoom };
}
