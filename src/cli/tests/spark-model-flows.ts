import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../testing/run-cli';

/**
 * What the Spark tier runs for the model blocks: small hand-made factor tables, ratings and recommendations for
 * the blocks that score without training (their rows must equal the CLI's), and the two sample flows that train
 * (ratings-als, playlists), whose metrics must come close to the CLI's.
 */

/** A block case of the tier's table: its kind, settings, input ports (port → import block id) and outputs. */
export interface ModelCase {
  name: string;
  kind: string;
  params: object;
  from: Record<string, string>;
  outputs?: string[];
}

/** The imports the model cases read, by block id = input name. */
export const modelImports = ['users', 'items', 'pairs', 'seen', 'recs', 'holdout', 'scored'] as const;

/** Numbers in [0, 1) from a fixed linear congruential sequence: the same files every run, with no ties in the scores. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const round = (x: number, places = 6) => Number(x.toFixed(places));

/** Writes the model cases' inputs into `dir`; returns input name → path. */
export function writeModelInputs(dir: string): Record<string, string> {
  const next = sequence(7);
  const factors = (id: string, count: number, idOf: (i: number) => string | number) => {
    const rows = Array.from({ length: count }, (_, i) => [idOf(i), round(next() - 0.5), round(next() * 2 - 1), round(next() * 2 - 1), round(next() * 2 - 1)].join(','));
    return [`${id},bias,f0,f1,f2`, ...rows].join('\n');
  };
  const files: Record<string, string> = {
    users: factors('userId', 9, (i) => i + 1),
    // A zero vector: its cosine with anything is 0.
    items: `${factors('movieId', 12, (i) => 100 + i)}\n112,0.25,0,0,0`,
    pairs: ['userId,movieId,rating', ...Array.from({ length: 60 }, (_, i) => `${(i % 11) + 1},${100 + ((i * 5) % 14)},${(Math.floor(next() * 10) + 1) / 2}`)].join('\n'),
    seen: ['userId,movieId', ...Array.from({ length: 25 }, (_, i) => `${(i % 9) + 1},${100 + ((i * 5) % 13)}`), ',101', '3,'].join('\n'),
    recs: ['userId,movieId,score,rank', ...Array.from({ length: 40 }, (_, i) => `${(i % 8) + 1},${100 + ((i * 3) % 13)},${round(next())},${(Math.floor(i / 8) % 5) + 1}`)].join('\n'),
    holdout: ['userId,movieId', ...Array.from({ length: 14 }, (_, i) => `${(i % 10) + 1},${100 + ((i * 4) % 13)}`)].join('\n'),
  };
  // Predictions beside the observed ratings, for the rating metrics.
  const scored = ['userId,movieId,rating,prediction', ...Array.from({ length: 50 }, (_, i) => `${i % 7},${i},${(Math.floor(next() * 10) + 1) / 2},${round(next() * 6 - 0.3, 4)}`)];
  files.scored = scored.join('\n');
  const paths: Record<string, string> = {};
  for (const [name, text] of Object.entries(files)) {
    paths[name] = join(dir, `${name}.csv`);
    writeFileSync(paths[name], `${text}\n`);
  }
  return paths;
}

const factorPorts = { users: 'users', items: 'items' };

export const modelCases: ModelCase[] = [
  { name: 'predict-drop', kind: 'predict', params: {}, from: { data: 'pairs', ...factorPorts } },
  { name: 'predict-nan-clamped', kind: 'predict', params: { coldStart: 'nan', clamp: { min: 0.5, max: 5 }, outputColumn: 'guess' }, from: { data: 'pairs', ...factorPorts } },
  { name: 'recommend-unseen', kind: 'recommend', params: { k: 3 }, from: { ...factorPorts, seen: 'seen' } },
  { name: 'recommend-all', kind: 'recommend', params: { k: 4, excludeSeen: false }, from: factorPorts },
  { name: 'recommend-popular', kind: 'recommend', params: { k: 3, method: 'popularity', userColumn: 'userId', itemColumn: 'movieId' }, from: { seen: 'seen' } },
  { name: 'similar-cosine', kind: 'similar-items', params: { k: 3 }, from: { items: 'items' } },
  { name: 'similar-dot', kind: 'similar-items', params: { k: 2, metric: 'dot' }, from: { items: 'items' } },
  { name: 'evaluate-rating', kind: 'evaluate', params: { min: 0.5, max: 5, step: 0.5 }, from: { in: 'scored' }, outputs: ['metrics', 'crosstab'] },
  { name: 'evaluate-ranking', kind: 'evaluate', params: { mode: 'ranking', k: 3 }, from: { recommendations: 'recs', holdout: 'holdout' }, outputs: ['metrics'] },
  { name: 'evaluate-ranking-catalog', kind: 'evaluate', params: { mode: 'ranking', k: 5, useCatalog: true }, from: { recommendations: 'recs', holdout: 'holdout', catalog: 'items' }, outputs: ['metrics'] },
];

/**
 * Training blocks on the small ratings: Spark's random factors differ, so what must match is the shape of every
 * output (names, types, rows) and the summary's sizes. Tune is the ratings-als flow's (cross-validation costs a
 * training per fold and grid point).
 */
export const trainingCases: ModelCase[] = [
  {
    name: 'train-biased',
    kind: 'train-als',
    params: { userColumn: 'userId', itemColumn: 'movieId', ratingColumn: 'rating', rank: 3, maxIter: 4, bias: { global: true, user: true, item: true }, validate: true },
    from: { ratings: 'pairs', validation: 'pairs' },
    outputs: ['users', 'items', 'summary'],
  },
  {
    name: 'train-implicit',
    kind: 'train-als',
    params: { userColumn: 'userId', itemColumn: 'movieId', ratingColumn: 'rating', rank: 2, maxIter: 3, implicitPrefs: true, alpha: 5 },
    from: { ratings: 'pairs' },
    outputs: ['users', 'items', 'summary'],
  },
];

type FlowJson = {
  name: string;
  blocks: { id: string; kind: string; params: Record<string, unknown> }[];
  edges: { from: { block: string; port: string }; to: { block: string; port: string } }[];
  view?: unknown;
};

const edge = (fb: string, fp: string, tb: string, tp: string) => ({ from: { block: fb, port: fp }, to: { block: tb, port: tp } });

function sampleFlow(name: string): FlowJson {
  const flow = JSON.parse(readFileSync(join(repoRoot, 'sample-data/flows', `${name}.flow.json`), 'utf8')) as FlowJson;
  delete flow.view;
  return flow;
}

/** A flow without some blocks and the edges that touch them, plus new blocks and edges. */
function edited(flow: FlowJson, drop: string[], blocks: FlowJson['blocks'], edges: FlowJson['edges']): FlowJson {
  const gone = new Set(drop);
  return {
    ...flow,
    blocks: [...flow.blocks.filter((b) => !gone.has(b.id)), ...blocks],
    edges: [...flow.edges.filter((e) => !gone.has(e.from.block) && !gone.has(e.to.block)), ...edges],
  };
}

/** The ratings-als sample flow as it ships: sample, counts, split, tune, predict, evaluate, recommend, and its `sql` block's struct of metrics and best settings. */
export function ratingsAlsFlow(): FlowJson {
  return sampleFlow('ratings-als');
}

/**
 * The playlists sample flow's model, from its interactions (playlist, track, position, weight): what its first `sql`
 * block makes of playlists.csv, which the tier writes with the CLI (see playlistsInteractionsFlow). Its metrics are
 * exported as the evaluate blocks give them; the similar-tracks export (every track against every other, 53M pairs)
 * is left to the block cases, on small factor tables.
 */
export function playlistsModelFlow(): FlowJson {
  const flow = sampleFlow('playlists');
  return edited(
    flow,
    ['playlists', 'interactions', 'compare', 'similar', 'export_similar'],
    [
      { id: 'interactions', kind: 'import', params: { input: 'interactions', file: 'interactions.csv' } },
      { id: 'export_popular', kind: 'export', params: { file: 'popular.parquet' } },
    ],
    [edge('interactions', 'out', 'split', 'in'), edge('evaluate_als', 'metrics', 'export_metrics', 'in'), edge('evaluate_popular', 'metrics', 'export_popular', 'in')],
  );
}

/** The playlists flow's first two blocks and an export of their result: the interactions playlistsModelFlow reads. */
export function playlistsInteractionsFlow(): FlowJson {
  const flow = sampleFlow('playlists');
  const keep = new Set(['playlists', 'interactions']);
  return {
    ...flow,
    blocks: [...flow.blocks.filter((b) => keep.has(b.id)), { id: 'export_interactions', kind: 'export', params: { file: 'interactions.csv' } }],
    edges: [...flow.edges.filter((e) => keep.has(e.to.block)), edge('interactions', 'out', 'export_interactions', 'in')],
  };
}
