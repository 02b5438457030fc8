import { SeededRandom } from '../rng';

/** How planted ratings are drawn. Every field has a default shaped like the music data. */
export interface PlantedOptions {
  /** Rank of the planted user and item factors. */
  rank?: number;
  /** Each factor component is drawn from N(0, factorSd²). */
  factorSd?: number;
  /** The rating noise σ: the lowest RMSE any model can reach on held-out ratings. */
  noiseSd?: number;
  globalMean?: number;
  /** User and item biases are drawn from N(0, biasSd²); 0 plants none. */
  biasSd?: number;
  /** Average ratings per user (users = nnz / this). */
  ratingsPerUser?: number;
  seed?: number;
}

/** Ratings as (user, item, rating) triples in dense indices, and the noise that was planted in them. */
export interface PlantedRatings {
  users: number;
  items: number;
  user: Int32Array;
  item: Int32Array;
  rating: Float64Array;
  rank: number;
  noiseSd: number;
  /** What was planted: factors row-major (rank columns), biases, and the global mean. */
  truth: { userFactors: Float64Array; itemFactors: Float64Array; userBias: Float64Array; itemBias: Float64Array; globalMean: number };
}

/**
 * About `nnz` ratings from planted structure: rating = global + b_user + b_item + u·v + N(0, σ²), left continuous (no
 * rounding), so σ is exactly the floor a perfect model would reach on held-out ratings. Shaped like the music data:
 * about 100 ratings per user, a fifth as many items as users, item popularity skewed (a few hits, a long tail). A user
 * may rate an item twice, as a listener rates a track again: two noisy observations of the same value.
 *
 * The positions come from their own stream, so every choice of plant (rank, σ, biases) gives the same sparsity
 * pattern for one seed and size, and kernel timings stay comparable between them.
 */
export function plantedRatings(nnz: number, options: PlantedOptions = {}): PlantedRatings {
  const rank = options.rank ?? 10;
  const factorSd = options.factorSd ?? 0.55;
  const noiseSd = options.noiseSd ?? 0.5;
  const globalMean = options.globalMean ?? 3.5;
  const biasSd = options.biasSd ?? 0.3;
  const seed = options.seed ?? 7;
  const users = Math.max(100, Math.round(nnz / (options.ratingsPerUser ?? 100)));
  const items = Math.max(200, Math.round(users / 5));

  const positions = new SeededRandom(seed);
  const plant = new SeededRandom(seed + 1);
  const draw = (n: number, sd: number) => Float64Array.from({ length: n }, () => (sd === 0 ? 0 : sd * plant.normal()));
  const userFactors = draw(users * rank, factorSd);
  const itemFactors = draw(items * rank, factorSd);
  const userBias = draw(users, biasSd);
  const itemBias = draw(items, biasSd);

  const user = new Int32Array(nnz);
  const item = new Int32Array(nnz);
  const rating = new Float64Array(nnz);
  for (let e = 0; e < nnz; e++) {
    const u = Math.floor(positions.next() * users);
    // Squaring a uniform skews picks towards low ids: a few popular items, a long tail.
    const i = Math.floor(positions.next() ** 2 * items);
    let s = globalMean + userBias[u]! + itemBias[i]!;
    for (let j = 0; j < rank; j++) s += userFactors[u * rank + j]! * itemFactors[i * rank + j]!;
    user[e] = u;
    item[e] = i;
    rating[e] = s + noiseSd * plant.normal();
  }
  return { users, items, user, item, rating, rank, noiseSd, truth: { userFactors, itemFactors, userBias, itemBias, globalMean } };
}

/** A subset of ratings, picked by their positions. */
export interface RatingsSubset {
  user: Int32Array;
  item: Int32Array;
  rating: Float64Array;
}

/** A seeded split: each rating goes to `held` with chance `fraction`, else to `kept`. */
export function splitRatings(r: RatingsSubset, fraction: number, seed: number): { kept: RatingsSubset; held: RatingsSubset } {
  const rng = new SeededRandom(seed);
  const toHeld = Uint8Array.from({ length: r.rating.length }, () => (rng.next() < fraction ? 1 : 0));
  const pick = (want: number): RatingsSubset => {
    const n = toHeld.reduce((count, h) => count + (h === want ? 1 : 0), 0);
    const subset = { user: new Int32Array(n), item: new Int32Array(n), rating: new Float64Array(n) };
    for (let e = 0, p = 0; e < toHeld.length; e++) {
      if (toHeld[e] !== want) continue;
      subset.user[p] = r.user[e]!;
      subset.item[p] = r.item[e]!;
      subset.rating[p++] = r.rating[e]!;
    }
    return subset;
  };
  return { kept: pick(0), held: pick(1) };
}
