import { describe, expect, it, vi } from 'vitest';
import type { FlowDocument } from '../../engine/flow/schema';
import type { EngineClient } from '../../worker/engine-api';
import { defaultParams } from './default-params';
import { SettingsSuggester } from './suggest-settings';

const doc = (kind: 'multi-hot' | 'join'): FlowDocument =>
  ({
    version: 1,
    name: 't',
    blocks: [
      { id: 'a', kind: 'import', params: defaultParams('import') },
      { id: 'r', kind: 'import', params: defaultParams('import') },
      { id: 'b', kind, params: defaultParams(kind) },
    ],
    edges:
      kind === 'join'
        ? [
            { from: { block: 'a', port: 'out' }, to: { block: 'b', port: 'left' } },
            { from: { block: 'r', port: 'out' }, to: { block: 'b', port: 'right' } },
          ]
        : [{ from: { block: 'a', port: 'out' }, to: { block: 'b', port: 'in' } }],
  }) as unknown as FlowDocument;

const runtime = {
  a: { blockId: 'a', status: 'fresh', outputs: { out: [{ name: 'movieId', type: 'BIGINT' }, { name: 'genres', type: 'VARCHAR' }] } },
  r: { blockId: 'r', status: 'fresh', outputs: { out: [{ name: 'userId', type: 'BIGINT' }, { name: 'movieId', type: 'BIGINT' }] } },
};

function suggesterFor(d: FlowDocument) {
  const apply = vi.fn();
  const engine = { profile: () => Promise.reject(new Error('no profile')) } as unknown as EngineClient;
  const s = new SettingsSuggester({ doc: () => d, runtime: () => runtime as never, engine: () => engine, apply });
  return { s, apply };
}

describe('SettingsSuggester', () => {
  it('reads a new multi-hot block’s column from its input', async () => {
    const d = doc('multi-hot');
    const { s, apply } = suggesterFor(d);
    s.blockAdded('b');
    s.check();
    await vi.waitFor(() => expect(apply).toHaveBeenCalled());
    expect(apply.mock.calls[0]![2]).toMatchObject({ column: 'genres' });
  });

  it('pairs a new join on the key both sides share', async () => {
    const { s, apply } = suggesterFor(doc('join'));
    s.blockAdded('b');
    s.check();
    await vi.waitFor(() => expect(apply).toHaveBeenCalled());
    expect(apply.mock.calls[0]![2]).toMatchObject({ keys: [{ left: 'movieId', right: 'movieId' }] });
  });

  it('leaves blocks it did not see added alone (a loaded flow keeps its settings)', async () => {
    const { s, apply } = suggesterFor(doc('join'));
    s.check();
    await new Promise((r) => setTimeout(r, 10));
    expect(apply).not.toHaveBeenCalled();
  });
});
