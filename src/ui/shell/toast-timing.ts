import type { Notice } from '../state/store-types';

/**
 * How long a toast stays before it goes by itself, in ms: long enough to read, longer the more it matters. A toast
 * with an action asks the user to choose (keep a flow, download it), so it stays until they do: undefined.
 */
export function toastLifetime(notice: Pick<Notice, 'kind' | 'action'>): number | undefined {
  if (notice.action) return undefined;
  switch (notice.kind) {
    case 'info':
    case 'success':
      return 5_000;
    case 'warning':
      return 8_000;
    case 'error':
      return 15_000;
  }
}
