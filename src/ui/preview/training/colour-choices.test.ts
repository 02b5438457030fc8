import { describe, expect, it } from 'vitest';
import type { Column } from '../../../engine/blocks/contract';
import type { FlowBlock } from '../../../engine/flow/schema';
import type { BlockState } from '../../../worker/engine-api';
import { defaultColourChoice, joinedColourChoices, ownColourChoices } from './colour-choices';

const cols = (spec: string): Column[] => spec.split(' ').map((s) => ({ name: s.split(':')[0]!, type: s.split(':')[1] ?? 'VARCHAR' }));
const block = (id: string, label?: string) => ({ id, kind: 'import', params: {}, ...(label ? { label } : {}) }) as unknown as FlowBlock;
const state = (blockId: string, outputs: Record<string, Column[]>): BlockState => ({ blockId, status: 'fresh', outputs });

// The music flow's shape: the tracks import has the genre; the join renamed its trackIds; the split has two outputs.
const blocks = [block('tracks', 'Tracks'), block('join_tracks', 'Join on trackId'), block('als_split', 'ALS split'), block('als_train')];
const runtime = {
  tracks: state('tracks', { out: cols('trackId genre energy:DOUBLE') }),
  join_tracks: state('join_tracks', { out: cols('trackId_0 trackId_1 genre') }),
  als_split: state('als_split', { train: cols('userId TrackID Rating:BIGINT'), test: cols('userId TrackID Rating:BIGINT') }),
  als_train: state('als_train', { users: cols('userId bias:DOUBLE f0:DOUBLE'), items: cols('trackId bias:DOUBLE f0:DOUBLE') }),
};

describe('colour choices of the item-factor scatter', () => {
  it("offers the items' own columns but the factors", () => {
    expect(ownColourChoices(runtime.als_train.outputs.items!).map((c) => c.label)).toEqual(['trackId (VARCHAR)', 'bias (DOUBLE)']);
  });

  it('offers the columns of every other output with the item id, named by block (and port), keyed as that output spells the id', () => {
    const joined = joinedColourChoices(blocks, runtime, 'als_train', 'trackId');
    expect(joined.map((c) => c.label)).toEqual([
      'genre — Tracks',
      'energy — Tracks',
      'userId — ALS split (train)',
      'Rating — ALS split (train)',
      'userId — ALS split (test)',
      'Rating — ALS split (test)',
    ]);
    expect(joined[0]).toMatchObject({ kind: 'joined', blockId: 'tracks', port: 'out', key: 'trackId', column: { name: 'genre', type: 'VARCHAR' } });
    expect(joined[2]).toMatchObject({ blockId: 'als_split', port: 'train', key: 'TrackID' });
    expect(new Set(joined.map((c) => c.value)).size).toBe(joined.length);
  });

  it('starts on a column named genre, any case, where one is joinable; else in one colour', () => {
    expect(defaultColourChoice(joinedColourChoices(blocks, runtime, 'als_train', 'trackId'))?.label).toBe('genre — Tracks');
    const upper = { ...runtime, tracks: state('tracks', { out: cols('trackId Genre') }) };
    expect(defaultColourChoice(joinedColourChoices(blocks, upper, 'als_train', 'trackId'))?.label).toBe('Genre — Tracks');
    expect(defaultColourChoice(joinedColourChoices(blocks, runtime, 'als_train', 'movieId'))).toBeUndefined();
  });
});
