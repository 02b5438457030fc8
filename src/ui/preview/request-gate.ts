/**
 * Drops answers that a newer request has made stale: each request takes an id, and only the latest id may write its
 * answer. Engine calls can finish out of order (a quick page after a slow profile), so order of arrival proves nothing.
 */
export interface RequestGate {
  /** Starts a request; returns its id. */
  begin(): number;
  /** True while no request has started since `id`, and the gate has not been closed. */
  isLatest(id: number): boolean;
  /** Makes every started request stale (on unmount, or when the subject changes). */
  invalidate(): void;
}

export function createRequestGate(): RequestGate {
  let latest = 0;
  return {
    begin: () => ++latest,
    isLatest: (id) => id === latest,
    invalidate: () => {
      latest += 1;
    },
  };
}
