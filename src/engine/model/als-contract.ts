/**
 * What the engine and the trainer agree on. The engine (pure SQL blocks) cannot import the trainer in src/ml, which
 * sits above it, so model blocks reach it through a ModelHost the CLI or the studio passes in.
 */

/** The trainer's settings, named as Spark names them where Spark has them. */
export interface AlsParams {
  rank: number;
  maxIter: number;
  regParam: number;
  /** Implicit feedback: confidence 1 + alpha·|r|. */
  alpha: number;
  implicitPrefs: boolean;
  nonnegative: boolean;
  seed: number;
  /** Bias terms of the explicit model. The global mean is folded into the user bias on output. */
  bias: { global: boolean; user: boolean; item: boolean };
}

export interface IterationReport {
  iteration: number;
  /** The objective the sweeps minimise, per rating (squared error plus the ALS-WR penalty). It never increases. */
  loss: number;
  /** Explicit: RMSE on the training ratings. */
  trainRmse?: number;
  /** Explicit with validation ratings: their RMSE (pairs with an unknown user or item are skipped). */
  validationRmse?: number;
  seconds: number;
}

/** Held-out ratings in the trainer's dense indices; −1 marks a user or item the training data has not seen. */
export interface ValidationSet {
  user: Int32Array;
  item: Int32Array;
  rating: Float64Array;
}

export interface AlsModel {
  rank: number;
  /** users × rank and items × rank, row-major. */
  userFactors: Float64Array;
  itemFactors: Float64Array;
  userBias: Float64Array;
  itemBias: Float64Array;
  globalMean: number;
  history: IterationReport[];
}

/** Ratings in dense indices: users in [0, users), items in [0, items). */
export interface AlsTrainingData {
  users: number;
  items: number;
  user: Int32Array;
  item: Int32Array;
  rating: Float64Array;
  validation?: ValidationSet;
}

export interface TrainingHooks {
  /** Called once the trainer knows where it runs, before the first iteration. */
  onStart?(info: { backend: string; fallbackReason?: string }): void;
  onIteration?(report: IterationReport): void;
  signal?: AbortSignal;
}

export interface TrainedAls extends AlsModel {
  /** Where it ran, for progress lines and the studio: `wasm SIMD × 2 workers`, `WebGPU (…)`. */
  backend: string;
  /** Why the GPU was not used, when it was not. */
  fallbackReason?: string;
}

/**
 * Top k items per query row by factor score: recommendations (queries = users) and similar items (queries = items).
 * Matrices are row-major with `rank` columns; indices are dense and ordered like the ids, so ties go to the lower id.
 */
export interface TopKRequest {
  queries: Float64Array;
  queryBias: Float64Array | null;
  items: Float64Array;
  itemBias: Float64Array | null;
  rank: number;
  k: number;
  /** `dot`: Σ q·i + biases. `cosine`: q·i ÷ (‖q‖‖i‖), 0 when either is the zero vector. */
  metric: 'dot' | 'cosine';
  /** Items each query may not be given (seen items), as CSR over the queries; null for none. */
  exclude: { indptr: Int32Array; indices: Int32Array } | null;
  /** Queries and items are the same rows (similar items): a row is never its own neighbour. */
  excludeSelf: boolean;
}

export interface TopKResult {
  query: Int32Array;
  item: Int32Array;
  score: Float64Array;
  /** 1-based, in descending score. */
  rank: Int32Array;
}

export interface ModelHost {
  trainAls(data: AlsTrainingData, params: AlsParams, hooks: TrainingHooks): Promise<TrainedAls>;
  topK(request: TopKRequest): Promise<TopKResult>;
}

/** Progress of a model block, streamed while it trains (to the studio's Training tab and the CLI's progress line). */
export interface ModelProgress {
  /** e.g. `fold 2/5, rank 10, regParam 0.1` while tuning. */
  stage?: string;
  iteration: number;
  maxIter: number;
  loss: number;
  trainRmse?: number;
  validationRmse?: number;
  seconds: number;
  backend: string;
}

/** What a model block reports when done, kept with its result for the studio. */
export interface ModelReport {
  backend: string;
  fallbackReason?: string;
  users: number;
  items: number;
  ratings: number;
  params: AlsParams;
  history: IterationReport[];
}
