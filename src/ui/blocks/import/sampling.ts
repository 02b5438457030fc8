import { assertNever } from '../../../engine/assert-never';
import type { FormParams } from '../form-types';

export type Sampling = NonNullable<FormParams<'import'>['sampling']>;
export type SamplingMode = Sampling['mode'];

export const samplingModes: readonly SamplingMode[] = ['none', 'first', 'fraction'];

/** The sampling in another mode, keeping the row count or fraction and seed it had; a fresh one starts small. */
export function switchSampling(prev: Sampling, mode: SamplingMode): Sampling {
  switch (mode) {
    case 'none':
      return { mode };
    case 'first':
      return { mode, rows: 'rows' in prev ? prev.rows : 10_000 };
    case 'fraction':
      return { mode, fraction: 'fraction' in prev ? prev.fraction : 0.1, seed: 'seed' in prev ? prev.seed : 42 };
    default:
      return assertNever(mode);
  }
}
