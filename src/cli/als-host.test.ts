import { describe, expect, it } from 'vitest';
import type { AlsParams, AlsTrainingData } from '../engine/model/als-contract';
import { SeededRandom } from '../ml/rng';
import { relativeGap } from '../ml/testing/random-job';
import { cliModelHost } from './als-host';

function ratings(seed: number): AlsTrainingData {
  const rng = new SeededRandom(seed);
  const user: number[] = [];
  const item: number[] = [];
  const rating: number[] = [];
  for (let u = 0; u < 120; u++) {
    for (let i = 0; i < 90; i++) {
      if (rng.next() > 0.3) continue;
      user.push(u);
      item.push(i);
      rating.push(1 + Math.floor(rng.next() * 5));
    }
  }
  return { users: 120, items: 90, user: Int32Array.from(user), item: Int32Array.from(item), rating: Float64Array.from(rating) };
}

const params: AlsParams = { rank: 6, maxIter: 4, regParam: 0.1, alpha: 1, implicitPrefs: false, nonnegative: false, seed: 3, bias: { global: true, user: true, item: true } };

describe('the CLI trainer', () => {
  it('gives the same model on worker threads as on one thread, bit for bit, and wasm agrees with the TS reference', async () => {
    const data = ratings(5);
    const pooled = await cliModelHost({ threads: 2, backend: 'wasm', poolMinRatings: 0 }).trainAls(data, params, {});
    const single = await cliModelHost({ threads: 1, backend: 'wasm' }).trainAls(data, params, {});
    const reference = await cliModelHost({ threads: 1, backend: 'ts' }).trainAls(data, params, {});
    expect(pooled.backend).toBe('wasm SIMD × 2 workers');
    expect(single.backend).toBe('wasm SIMD × 1 thread');
    expect(Array.from(pooled.userFactors)).toEqual(Array.from(single.userFactors));
    expect(Array.from(pooled.itemBias)).toEqual(Array.from(single.itemBias));
    expect(relativeGap(single.itemFactors, reference.itemFactors)).toBeLessThan(1e-9);
    expect(Math.abs(single.history.at(-1)!.loss / reference.history.at(-1)!.loss - 1)).toBeLessThan(1e-9);
  });

  it('implicit feedback on threads matches one thread too', async () => {
    const data = ratings(6);
    const implicit = { ...params, implicitPrefs: true, alpha: 3 };
    const pooled = await cliModelHost({ threads: 2, backend: 'wasm', poolMinRatings: 0 }).trainAls(data, implicit, {});
    const single = await cliModelHost({ threads: 1, backend: 'wasm' }).trainAls(data, implicit, {});
    expect(Array.from(pooled.itemFactors)).toEqual(Array.from(single.itemFactors));
  });
});
