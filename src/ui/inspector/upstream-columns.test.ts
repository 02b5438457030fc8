import { describe, expect, it } from 'vitest';
import { importBlock, joinBlock, testFlow } from '../canvas/test-flow';
import { upstreamColumns } from './upstream-columns';

const doc = testFlow([importBlock('tracks'), importBlock('ratings'), joinBlock('j')], [['tracks', 'out', 'j', 'left']]);
const join = doc.blocks.find((b) => b.id === 'j')!;
const trackColumns = [
  { name: 'trackId', type: 'VARCHAR' },
  { name: 'genre', type: 'VARCHAR' },
];

describe('upstreamColumns', () => {
  it('gives each input port the output columns of the block feeding it', () => {
    const runtime = { tracks: { blockId: 'tracks', status: 'fresh' as const, outputs: { out: trackColumns } } };
    expect(upstreamColumns(doc, runtime, join)).toEqual({ left: trackColumns, right: [] });
  });

  it('is empty for ports whose upstream block has not run', () => {
    expect(upstreamColumns(doc, {}, join)).toEqual({ left: [], right: [] });
  });
});
