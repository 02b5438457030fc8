import { describe, expect, it } from 'vitest';
import { distanceNames } from './distance-names';

describe('the error distances named by the scale step', () => {
  it('reads half-star steps in stars', () => {
    expect(distanceNames(0.5)).toEqual({ exact: 'exact', withinOne: 'within half a star', withinTwo: 'within one star', further: 'further than one star' });
  });
  it('reads other steps as numbers, without float noise', () => {
    expect(distanceNames(1)).toMatchObject({ withinOne: 'within 1', withinTwo: 'within 2', further: 'further than 2' });
    expect(distanceNames(0.1)).toMatchObject({ withinOne: 'within 0.1', withinTwo: 'within 0.2' });
  });
});
