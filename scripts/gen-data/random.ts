/**
 * Seeded randomness for the sample-data generator.
 *
 * Everything here is written by hand (no Math.random, no npm package) so that
 * a given seed produces byte-identical files on every machine and every run.
 */

/** 32-bit FNV-1a hash, used to derive independent streams from one seed. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Derives a seed for a named sub-stream. Each data set (and each concern
 * inside it) gets its own stream, so changing how many numbers one part draws
 * does not shift the output of another.
 */
export function deriveSeed(seed: number, label: string): number {
  let z = (seed ^ hashString(label)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** splitmix32 generator with Box–Muller normals. */
export class SeededRandom {
  private state: number;
  private spareNormal: number | null = null;

  constructor(seed: number) {
    this.state = seed | 0;
  }

  /** A stream derived from `seed` and a label; see {@link deriveSeed}. */
  static forLabel(seed: number, label: string): SeededRandom {
    return new SeededRandom(deriveSeed(seed, label));
  }

  /** Next unsigned 32-bit integer. */
  nextUint32(): number {
    this.state = (this.state + 0x9e3779b9) | 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [min, max] (both inclusive). */
  intBetween(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  /** Uniform float in [min, max). */
  uniform(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Normal deviate (Box–Muller; the second value of each pair is kept for the next call). */
  normal(mean = 0, sd = 1): number {
    if (this.spareNormal !== null) {
      const spare = this.spareNormal;
      this.spareNormal = null;
      return mean + sd * spare;
    }
    // 1 - next() lies in (0, 1], so the logarithm is always finite.
    const radius = Math.sqrt(-2 * Math.log(1 - this.next()));
    const angle = 2 * Math.PI * this.next();
    this.spareNormal = radius * Math.sin(angle);
    return mean + sd * radius * Math.cos(angle);
  }

  /** Exponential deviate with the given mean. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /** Number of failures before the first success, for success probability p. */
  geometric(p: number): number {
    return Math.floor(Math.log(1 - this.next()) / Math.log(1 - p));
  }

  /** A uniformly chosen element. */
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick() from an empty list');
    return item;
  }

  /** Fisher–Yates shuffle, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const a = items[i] as T;
      items[i] = items[j] as T;
      items[j] = a;
    }
    return items;
  }

  /** A random lowercase hex string of `count` digits, e.g. for user ids. */
  hex(count: number): string {
    let out = '';
    while (out.length < count) out += this.nextUint32().toString(16).padStart(8, '0');
    return out.slice(0, count);
  }
}

/**
 * Walker/Vose alias table: O(1) sampling from a fixed discrete distribution,
 * which keeps the 10M-row music generator fast.
 */
export class AliasTable {
  private readonly probability: Float64Array;
  private readonly alias: Int32Array;

  constructor(weights: ArrayLike<number>) {
    const n = weights.length;
    if (n === 0) throw new Error('AliasTable needs at least one weight');
    this.probability = new Float64Array(n);
    this.alias = new Int32Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) total += weights[i] ?? 0;
    if (!(total > 0)) throw new Error('AliasTable weights must sum to a positive number');
    const scaled = new Float64Array(n);
    const small: number[] = [];
    const large: number[] = [];
    for (let i = 0; i < n; i++) {
      scaled[i] = ((weights[i] ?? 0) * n) / total;
      ((scaled[i] ?? 0) < 1 ? small : large).push(i);
    }
    while (small.length > 0 && large.length > 0) {
      const s = small.pop() as number;
      const l = large.pop() as number;
      this.probability[s] = scaled[s] ?? 0;
      this.alias[s] = l;
      scaled[l] = (scaled[l] ?? 0) + (scaled[s] ?? 0) - 1;
      ((scaled[l] ?? 0) < 1 ? small : large).push(l);
    }
    // Leftovers are 1 up to rounding error.
    for (const i of large) this.probability[i] = 1;
    for (const i of small) this.probability[i] = 1;
  }

  /** Draws an index with probability proportional to its weight. */
  sample(rng: SeededRandom): number {
    const i = rng.int(this.probability.length);
    return rng.next() < (this.probability[i] ?? 1) ? i : (this.alias[i] ?? i);
  }
}

/**
 * Splits `total` into `parts` long-tailed (log-normal) counts, each within
 * [min, max], summing exactly to `total`. Exact totals keep the README's row
 * counts true for any seed.
 */
export function allocateCounts(
  rng: SeededRandom,
  parts: number,
  total: number,
  options: { min: number; max: number; sigma: number },
): Uint32Array {
  const { min, max, sigma } = options;
  if (parts * min > total || parts * max < total) {
    throw new Error(`cannot split ${total} into ${parts} parts of ${min}..${max}`);
  }
  const raw = new Float64Array(parts);
  let rawSum = 0;
  for (let i = 0; i < parts; i++) {
    const w = Math.exp(rng.normal(0, sigma));
    raw[i] = w;
    rawSum += w;
  }
  const counts = new Uint32Array(parts);
  const spare = total - parts * min;
  let assigned = 0;
  for (let i = 0; i < parts; i++) {
    const c = Math.min(max, min + Math.floor((spare * (raw[i] ?? 0)) / rawSum));
    counts[i] = c;
    assigned += c;
  }
  // Flooring and capping leave a remainder; hand it out one by one in a rotating
  // pass from a random start, which is cheap and does not favour low indices.
  let i = rng.int(parts);
  let guard = 0;
  while (assigned < total) {
    const c = counts[i] ?? 0;
    if (c < max) {
      counts[i] = c + 1;
      assigned++;
    }
    i = (i + 1) % parts;
    if (++guard > parts * (max + 1)) throw new Error('allocateCounts did not converge');
  }
  return counts;
}
