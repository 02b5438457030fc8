import { useState } from 'react';
import type { Column } from '../../engine/blocks/contract';
import type { BlockState } from '../../worker/engine-api';
import { freshResultKey } from './preview-status';

/** The last fresh result of one output: what the panel shows, dimmed, while a newer one is computed. */
export interface FreshResult {
  key: string;
  columns: Column[];
}

/**
 * Remembers the output's last fresh result across `running` and `stale` states, and forgets it when the block or
 * port changes. Columns travel with the key, so headers always match the rows they sit over.
 */
export function useFreshResult(blockId: string | undefined, port: string | undefined, state: BlockState | undefined): FreshResult | undefined {
  const scope = blockId !== undefined && port !== undefined ? `${blockId}\u0000${port}` : '';
  const key = blockId !== undefined && port !== undefined ? freshResultKey(blockId, port, state) : undefined;
  const [kept, setKept] = useState<{ scope: string; result: FreshResult | undefined }>({ scope: '', result: undefined });

  const keptHere = kept.scope === scope ? kept.result : undefined;
  if (key !== undefined && keptHere?.key !== key) {
    const result = { key, columns: (port !== undefined && state?.outputs[port]) || [] };
    // Updating state while rendering is React's pattern for state derived from changing props.
    setKept({ scope, result });
    return result;
  }
  if (kept.scope !== scope) {
    setKept({ scope, result: undefined });
    return undefined;
  }
  return keptHere;
}
