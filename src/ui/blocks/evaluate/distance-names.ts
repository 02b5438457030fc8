import type { DistanceNames } from '../form-types';

/** A step of the scale in words: half-star scales read in stars, any other step as its number. */
function stepsInWords(step: number, steps: 1 | 2): string {
  if (step === 0.5) return steps === 1 ? 'half a star' : 'one star';
  return String(Number((step * steps).toPrecision(12)));
}

/**
 * The names of the error distances for a rating scale's step: `off_by_1` reads "within half a star" on a 0.5-step
 * scale and "within 1" on a 1-step one. The shares they name are cumulative (within one step counts the exact ones).
 */
export function distanceNames(step: number): DistanceNames {
  return {
    exact: 'exact',
    withinOne: `within ${stepsInWords(step, 1)}`,
    withinTwo: `within ${stepsInWords(step, 2)}`,
    further: `further than ${stepsInWords(step, 2)}`,
  };
}
