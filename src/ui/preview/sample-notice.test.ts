import { describe, expect, it } from 'vitest';
import { flowOf } from '../../testing/flow-of';
import { sampleNotice, wrangleRunCommand } from './sample-notice';

describe('sampleNotice', () => {
  it('says plainly what the preview is computed on', () => {
    const sample = { rows: 1_000_000, of: 10_000_000, exact: true, inputs: ['ratings'] };
    expect(sampleNotice(sample, true)).toBe('Preview of a 1,000,000-row sample of 10,000,000 rows');
    expect(sampleNotice({ ...sample, exact: false }, true)).toBe('Preview of a 1,000,000-row sample of about 10,000,000 rows');
    expect(sampleNotice({ ...sample, of: 82_692, exact: false }, true)).toBe('Preview of a 1,000,000-row sample of about 83,000 rows');
    expect(sampleNotice(sample, false)).toBe('Computed on a 1,000,000-row sample of ratings (10,000,000 rows)');
  });
});

describe('wrangleRunCommand', () => {
  it('names the saved flow, each input with its file, and the output directory', () => {
    const doc = {
      ...flowOf([
        { id: 'ratings', kind: 'import', params: { input: 'ratings', file: 'ratings-10m.csv' } },
        { id: 'tracks', kind: 'import', params: { input: 'tracks', file: "tracks (Bob's).csv" } },
      ]),
      name: 'Music recommendation',
    };
    expect(wrangleRunCommand(doc)).toBe(
      `npx wrangle run music-recommendation.flow.json --input ratings=ratings-10m.csv --input 'tracks=tracks (Bob'\\''s).csv' --out out/`,
    );
    expect(wrangleRunCommand(doc, { ratings: '10m.csv' })).toContain('--input ratings=10m.csv --input');
  });
});
