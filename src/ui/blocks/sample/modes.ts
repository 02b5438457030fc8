import { assertNever } from '../../../engine/assert-never';
import type { FormParams } from '../form-types';

export type SampleParams = FormParams<'sample'>;
export type SampleMode = SampleParams['mode'];

export const sampleModes: readonly SampleMode[] = ['first', 'fraction', 'rows', 'stratified'];

/** Starting values for a mode's required fields when the previous mode had none. */
const START = { rows: 1000, fraction: 0.1 };

/** The params in another mode, keeping every setting the two modes share (rows, fraction, seed, key columns, column). */
export function switchSampleMode(p: SampleParams, mode: SampleMode): SampleParams {
  const rows = 'rows' in p ? p.rows : START.rows;
  const fraction = 'fraction' in p ? p.fraction : START.fraction;
  const seeded = {
    ...('seed' in p && p.seed !== undefined && { seed: p.seed }),
    ...('keyColumns' in p && p.keyColumns !== undefined && { keyColumns: p.keyColumns }),
  };
  switch (mode) {
    case 'first':
      return { mode, rows };
    case 'fraction':
      return { mode, fraction, ...seeded };
    case 'rows':
      return { mode, rows, ...seeded };
    case 'stratified':
      return { mode, column: 'column' in p ? p.column : '', fraction, ...seeded };
    default:
      return assertNever(mode);
  }
}
