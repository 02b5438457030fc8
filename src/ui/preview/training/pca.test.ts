import { describe, expect, it } from 'vitest';
import { projectToPlane, symmetricEigen } from './pca';

/** A seeded generator, so the data (and any failure) is the same on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
}

describe('symmetricEigen', () => {
  it('decomposes a symmetric matrix: A·v = λ·v for every pair, and the vectors are orthonormal', () => {
    const n = 6;
    const rand = lcg(7);
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = i; j < n; j++) a[i * n + j] = a[j * n + i] = rand();
    const { eigenvalues, eigenvectors: v } = symmetricEigen(a, n);
    for (let k = 0; k < n; k++) {
      for (let i = 0; i < n; i++) {
        let av = 0;
        for (let j = 0; j < n; j++) av += a[i * n + j]! * v[j * n + k]!;
        expect(av).toBeCloseTo(eigenvalues[k]! * v[i * n + k]!, 10);
      }
      for (let m = 0; m < n; m++) {
        let dot = 0;
        for (let i = 0; i < n; i++) dot += v[i * n + k]! * v[i * n + m]!;
        expect(dot).toBeCloseTo(k === m ? 1 : 0, 10);
      }
    }
    // The trace is kept: the eigenvalues sum to it.
    const trace = Array.from({ length: n }, (_, i) => a[i * n + i]!).reduce((s, x) => s + x, 0);
    expect(eigenvalues.reduce((s, x) => s + x, 0)).toBeCloseTo(trace, 10);
  });
});

describe('projectToPlane', () => {
  it('recovers points that lie on a plane: the coordinates along its two directions, by variance', () => {
    // Rows = mean + a·u + b·v in 4-D, with u ⟂ v unit vectors and var(a) > var(b).
    const u = [0.5, 0.5, 0.5, 0.5];
    const v = [0.5, -0.5, 0.5, -0.5];
    const mean = [3, -1, 2, 0.5];
    const rand = lcg(42);
    const rows = 200;
    const centred = (xs: number[]) => xs.map((t) => t - xs.reduce((s, q) => s + q, 0) / xs.length);
    const a = centred(Array.from({ length: rows }, () => 4 * rand()));
    // b is made uncorrelated with a in this very sample, so the principal axes are exactly u and v.
    const b0 = centred(Array.from({ length: rows }, () => rand()));
    const dot = (p: number[], q: number[]) => p.reduce((s, t, i) => s + t * q[i]!, 0);
    const b = b0.map((t, i) => t - (dot(a, b0) / dot(a, a)) * a[i]!);
    const values = new Float64Array(rows * 4);
    for (let r = 0; r < rows; r++) for (let c = 0; c < 4; c++) values[r * 4 + c] = mean[c]! + a[r]! * u[c]! + b[r]! * v[c]!;
    const { x, y, explained } = projectToPlane(values, rows, 4);
    // Components are defined up to sign; the projection fixes one, so compare magnitudes point by point.
    for (let r = 0; r < rows; r++) {
      expect(Math.abs(x[r]!)).toBeCloseTo(Math.abs(a[r]!), 9);
      expect(Math.abs(y[r]!)).toBeCloseTo(Math.abs(b[r]!), 9);
    }
    expect(explained[0]).toBeGreaterThan(explained[1]);
    expect(explained[0] + explained[1]).toBeCloseTo(1, 9);
  });

  it('gives the same picture on every draw (the sign of each axis is fixed)', () => {
    const rand = lcg(3);
    const values = Float64Array.from({ length: 50 * 5 }, () => rand());
    expect(projectToPlane(values, 50, 5)).toEqual(projectToPlane(values, 50, 5));
  });

  it('puts a single factor on the x axis, and fewer than two rows at the origin', () => {
    const one = projectToPlane(Float64Array.from([1, 2, 3]), 3, 1);
    expect([...one.x].map(Math.abs)).toEqual([1, 0, 1]);
    expect([...one.y]).toEqual([0, 0, 0]);
    expect(one.explained).toEqual([1, 0]);
    expect(projectToPlane(Float64Array.from([1, 2]), 1, 2)).toEqual({ x: new Float64Array(1), y: new Float64Array(1), explained: [0, 0] });
  });
});
