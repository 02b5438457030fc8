import { describe, expect, it } from 'vitest';
import { isDifferentFlow } from './new-flow';

const music = ['tracks', 'ratings', 'genre_onehot', 'join_tracks', 'split', 'als_train', 'export_metrics', 'export_recommendations'];

describe('isDifferentFlow', () => {
  it('is true for an opened flow that shares a few ids with the one on screen (ratings-als opened over the music sample)', () => {
    expect(isDifferentFlow(music, ['ratings', 'sample', 'counts', 'split', 'tune', 'export_metrics'])).toBe(true);
    expect(isDifferentFlow(music, ['playlists', 'interactions', 'train'])).toBe(true);
    expect(isDifferentFlow(['ratings', 'sample', 'split'], music)).toBe(true);
  });

  it('is false for edits: adding, pasting, removing blocks, or nothing changed', () => {
    expect(isDifferentFlow(music, [...music, 'filter_1'])).toBe(false);
    expect(isDifferentFlow(['a'], ['a', 'a_copy', 'b_copy', 'c_copy'])).toBe(false);
    expect(isDifferentFlow(music, music.slice(0, 2))).toBe(false);
    expect(isDifferentFlow(music, music)).toBe(false);
  });

  it('is true for the first block of an empty canvas, and false for an emptied one', () => {
    expect(isDifferentFlow([], ['import_1'])).toBe(true);
    expect(isDifferentFlow(music, [])).toBe(false);
  });
});
