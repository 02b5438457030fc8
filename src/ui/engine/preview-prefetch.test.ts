import { describe, expect, it } from 'vitest';
import type { BlockState, PreviewRequest, PreviewResult } from '../../worker/engine-api';
import { PreviewPrefetch } from './preview-prefetch';

/** An engine that answers each request with a page naming it, and counts what it was asked. */
function engine() {
  const asked: PreviewRequest[] = [];
  const ask = (req: PreviewRequest): Promise<PreviewResult> => {
    asked.push(req);
    return Promise.resolve({ arrow: new Uint8Array([asked.length]), totalRows: asked.length });
  };
  return { asked, ask };
}

const fresh = (blockId: string, extra: Partial<BlockState> = {}): BlockState => ({
  blockId,
  status: 'fresh',
  outputs: { out: [{ name: 'Rating', type: 'BIGINT' }, { name: 'danceability', type: 'DOUBLE' }] },
  ...extra,
});
const firstPage: PreviewRequest = { blockId: 'dance', port: 'out', offset: 0, limit: 200, sort: [{ column: 'Rating', descending: true }] };

describe('PreviewPrefetch', () => {
  it("asks for the block in view's first page when its new result arrives, and hands it to the table's request once", async () => {
    const { asked, ask } = engine();
    const prefetch = new PreviewPrefetch();
    prefetch.focus('dance');
    await prefetch.preview(firstPage, ask);
    prefetch.stateArrived(fresh('dance'), ask);
    expect(asked).toHaveLength(2);
    // The table asks for the same page once it has rendered the new state: the engine is not asked again.
    expect(await prefetch.preview({ ...firstPage, sort: [{ column: 'Rating', descending: true }] }, ask)).toEqual({ arrow: new Uint8Array([2]), totalRows: 2 });
    expect(asked).toHaveLength(2);
    await prefetch.preview(firstPage, ask);
    expect(asked).toHaveLength(3);
  });

  it('asks for nothing for another block, a cached result, a failed block, or a page whose sort column is gone', async () => {
    const { asked, ask } = engine();
    const prefetch = new PreviewPrefetch();
    prefetch.focus('dance');
    prefetch.stateArrived(fresh('dance'), ask);
    expect(asked).toHaveLength(0);
    await prefetch.preview(firstPage, ask);
    prefetch.stateArrived(fresh('other'), ask);
    prefetch.stateArrived(fresh('dance', { cached: true }), ask);
    prefetch.stateArrived({ blockId: 'dance', status: 'error', outputs: {} }, ask);
    prefetch.stateArrived(fresh('dance', { outputs: { out: [{ name: 'danceability', type: 'DOUBLE' }] } }), ask);
    expect(asked).toHaveLength(1);
  });

  it('drops a page fetched ahead when another block comes into view, or the engine restarted', async () => {
    const { asked, ask } = engine();
    const prefetch = new PreviewPrefetch();
    prefetch.focus('dance');
    await prefetch.preview(firstPage, ask);
    prefetch.stateArrived(fresh('dance'), ask);
    prefetch.focus('other');
    prefetch.focus('dance');
    await prefetch.preview(firstPage, ask);
    expect(asked).toHaveLength(3);
    prefetch.stateArrived(fresh('dance'), ask);
    prefetch.clear();
    await prefetch.preview(firstPage, ask);
    expect(asked).toHaveLength(5);
  });
});
