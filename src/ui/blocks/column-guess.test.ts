import { describe, expect, it } from 'vitest';
import type { ColumnProfile } from '../../engine/profile/types';
import { ratingColumns, ratingScale, sharedKey } from './column-guess';

const cols = (spec: string): { name: string; type: string }[] =>
  spec.split(' ').map((s) => ({ name: s.split(':')[0]!, type: s.split(':')[1] ?? 'BIGINT' }));

const profile = (min: number, max: number, distinct: number, top: number[]): ColumnProfile => ({
  name: 'rating', type: 'DOUBLE', count: 100, nulls: 0, distinct, min, max, top: top.map((v) => ({ value: String(v), count: 1 })), histogram: [],
});

describe('sharedKey', () => {
  // The bug this pins: the join defaulted to the first column of each side (userId ↔ movieId), a wrong answer that runs.
  it('pairs the MovieLens inputs on movieId, not on their first columns', () => {
    expect(sharedKey(cols('movieId title:VARCHAR genre_Drama:INTEGER'), cols('userId movieId rating:DOUBLE timestamp'))).toEqual({ left: 'movieId', right: 'movieId' });
  });
  it('pairs names that differ only in case, underscores or a _0/_1 suffix', () => {
    expect(sharedKey(cols('movie_id:INTEGER'), cols('userId MovieId'))).toEqual({ left: 'movie_id', right: 'MovieId' });
  });
  it('leaves the key empty when no name matches, or the types cannot compare', () => {
    expect(sharedKey(cols('a b'), cols('c d'))).toBeUndefined();
    expect(sharedKey(cols('id:VARCHAR'), cols('id:BIGINT'))).toBeUndefined();
  });
});

describe('ratingColumns', () => {
  it('finds user, item and rating by name and type', () => {
    expect(ratingColumns(cols('movieId_0 title:VARCHAR userId movieId_1 rating:DOUBLE timestamp'))).toEqual({ user: 'userId', item: 'movieId_0', rating: 'rating' });
  });
  it('leaves a role out when no name says it', () => {
    expect(ratingColumns(cols('a b c:DOUBLE'))).toEqual({});
  });
  it('never takes a text column as the rating', () => {
    expect(ratingColumns(cols('userId trackId Rating:VARCHAR')).rating).toBeUndefined();
  });
});

describe('ratingScale', () => {
  it('reads half stars as 0.5 to 5 in steps of 0.5', () => {
    expect(ratingScale(profile(0.5, 5, 10, [4, 3, 5, 3.5, 4.5]))).toEqual({ min: 0.5, max: 5, step: 0.5 });
  });
  it('reads whole stars as 1 to 5 in steps of 1', () => {
    expect(ratingScale(profile(1, 5, 5, [4, 3, 5, 2, 1]))).toEqual({ min: 1, max: 5, step: 1 });
  });
  it('takes a finer step when there are more distinct values than whole steps hold', () => {
    expect(ratingScale(profile(1, 5, 9, [4, 3, 5, 2, 1]))?.step).toBe(0.5);
  });
});
