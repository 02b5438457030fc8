import { describe, expect, it } from 'vitest';
import { blockRegistry } from '../../../engine/blocks/registry';
import { samplingModes, switchSampling } from './sampling';

describe('switchSampling', () => {
  it('keeps what the modes share and starts the rest with valid values', () => {
    expect(switchSampling({ mode: 'fraction', fraction: 0.5, seed: 9 }, 'fraction')).toEqual({ mode: 'fraction', fraction: 0.5, seed: 9 });
    expect(switchSampling({ mode: 'first', rows: 20 }, 'none')).toEqual({ mode: 'none' });
    for (const mode of samplingModes) {
      const sampling = switchSampling({ mode: 'none' }, mode);
      expect(blockRegistry.import.params.safeParse({ input: 'a', file: 'a.csv', sampling }).success).toBe(true);
    }
  });
});
