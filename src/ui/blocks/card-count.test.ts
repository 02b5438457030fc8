import { describe, expect, it } from 'vitest';
import type { FlowBlock } from '../../engine/flow/schema';
import type { BlockState } from '../../worker/engine-api';
import { cardCount } from './hook-registry';

const block = (kind: FlowBlock['kind']) => ({ id: 'b', kind, params: {} }) as unknown as FlowBlock;
const fresh = (extra: Partial<BlockState>): BlockState => ({ blockId: 'b', status: 'fresh', outputs: {}, ...extra });
const model = { users: 610, items: 9724, ratings: 70000 };

describe('what a card counts', () => {
  it.each([
    ['evaluate', fresh({ rows: 97, report: { scored: 30113, of: 'rows' } }), '30,113 rows scored'],
    ['evaluate', fresh({ rows: 1, report: { scored: 1, of: 'users' } }), '1 user scored'],
    ['predict', fresh({ rows: 30113 }), '30,113 rows scored'],
    ['train-als', fresh({ rows: 610, report: model }), '610 users · 9,724 items'],
    ['tune', fresh({ rows: 610, report: model }), '610 users · 9,724 items'],
  ] as const)('%s: %s', (kind, state, text) => {
    expect(cardCount(block(kind), state)).toBe(text);
  });

  it('leaves the rows to kinds without a better count, and to blocks not fresh', () => {
    expect(cardCount(block('filter'), fresh({ rows: 5 }))).toBeUndefined();
    expect(cardCount(block('evaluate'), { ...fresh({ report: { scored: 3, of: 'rows' } }), status: 'stale' })).toBeUndefined();
    expect(cardCount(block('evaluate'), fresh({ rows: 97 }))).toBeUndefined();
  });
});
