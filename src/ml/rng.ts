import { portableCosSin, portableLog } from './portable-math';

/**
 * A seeded generator whose stream is fixed by this code alone (not by the platform's Math.random), so factor
 * initialisation and cross-validation folds are identical in the browser and the CLI. Mulberry32 for uniform bits,
 * Box–Muller for normals, its logarithm and trigonometry computed portably.
 */
export class SeededRandom {
  private state: number;
  private spare: number | undefined;

  constructor(seed: number) {
    this.state = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Standard normal. */
  normal(): number {
    if (this.spare !== undefined) {
      const s = this.spare;
      this.spare = undefined;
      return s;
    }
    let u = this.next();
    while (u === 0) u = this.next();
    // Only + − × ÷ and √, which every engine computes to the same bit: see portable-math.ts.
    const r = Math.sqrt(-2 * portableLog(u));
    const [cos, sin] = portableCosSin(this.next());
    this.spare = r * sin;
    return r * cos;
  }
}
