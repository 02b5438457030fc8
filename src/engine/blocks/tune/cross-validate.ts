import type { AlsParams, AlsTrainingData, ModelHost, ModelProgress } from '../../model/als-contract';

export interface GridPoint {
  rank: number;
  regParam: number;
}

export interface GridResult extends GridPoint {
  /** Held-out RMSE of each fold, in fold order. */
  folds: number[];
  mean: number;
  std: number;
}

/**
 * The training set of fold `f`: every rating not in that fold; its validation set: the fold's ratings whose user and
 * item the training set still has (the others are dropped, as Spark's coldStartStrategy=drop does in CV).
 */
export function foldData(data: AlsTrainingData, fold: Int32Array, f: number): AlsTrainingData {
  const inTrain = (e: number) => fold[e] !== f;
  const seenUser = new Uint8Array(data.users);
  const seenItem = new Uint8Array(data.items);
  const train: number[] = [];
  const held: number[] = [];
  for (let e = 0; e < fold.length; e++) {
    if (inTrain(e)) {
      train.push(e);
      seenUser[data.user[e]!] = 1;
      seenItem[data.item[e]!] = 1;
    } else held.push(e);
  }
  const pick = <T extends Int32Array | Float64Array>(a: T, rows: number[]): T => {
    const out = new (a.constructor as new (n: number) => T)(rows.length);
    rows.forEach((e, k) => (out[k] = a[e]!));
    return out;
  };
  const validation = {
    user: pick(data.user, held).map((u) => (seenUser[u] ? u : -1)),
    item: pick(data.item, held).map((i) => (seenItem[i] ? i : -1)),
    rating: pick(data.rating, held),
  };
  return { users: data.users, items: data.items, user: pick(data.user, train), item: pick(data.item, train), rating: pick(data.rating, train), validation };
}

/** Trains every grid point on every fold and scores it by held-out RMSE; the best is the lowest mean (first on ties). */
export async function crossValidate(
  models: ModelHost,
  data: AlsTrainingData,
  fold: Int32Array,
  k: number,
  base: AlsParams,
  grid: GridPoint[],
  hooks: { signal?: AbortSignal; progress(p: ModelProgress): void },
): Promise<GridResult[]> {
  const results: GridResult[] = [];
  const splits = Array.from({ length: k }, (_, f) => foldData(data, fold, f));
  for (const [g, point] of grid.entries()) {
    const params = { ...base, rank: point.rank, regParam: point.regParam };
    const scores: number[] = [];
    for (const [f, split] of splits.entries()) {
      const stage = `grid ${g + 1}/${grid.length} (rank ${point.rank}, regParam ${point.regParam}) · fold ${f + 1}/${k}`;
      let backend = '';
      const model = await models.trainAls(split, params, {
        ...(hooks.signal ? { signal: hooks.signal } : {}),
        onStart: (info) => (backend = info.backend),
        onIteration: (r) => hooks.progress({ ...r, stage, maxIter: params.maxIter, backend }),
      });
      scores.push(model.history.at(-1)?.validationRmse ?? Number.NaN);
    }
    const mean = scores.reduce((s, x) => s + x, 0) / scores.length;
    const std = Math.sqrt(scores.reduce((s, x) => s + (x - mean) ** 2, 0) / scores.length);
    results.push({ ...point, folds: scores, mean, std });
  }
  return results;
}
