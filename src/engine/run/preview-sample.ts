/**
 * A seeded sample of a big input, for the studio's previews: the `rows` rows of the block's result whose seeded unit
 * (md5 of the seed and the row's stable key) is smallest. The CLI never samples; it runs the whole file.
 */
import type { Column } from '../blocks/contract';
import { seededUnit, stableRowKey } from '../sql/seeded';

/** How the host asks a block reading a file to be sampled. Part of the block's content hash. */
export interface SamplePlan {
  /** Rows to keep. */
  rows: number;
  seed: number;
  /**
   * Rows of the whole input as the host knows them: exact (a table it loaded), or estimated from the file's bytes
   * and its first lines. Only rows whose unit is below `rows / total` (with a margin) are ordered, so the sample
   * needs no sort of the whole file.
   */
  total: number;
  exact: boolean;
}

/** What a sampled block's result is: `rows` of about (or exactly) `of` rows. */
export interface SampleFacts {
  rows: number;
  of: number;
  exact: boolean;
}

/** The seed of every preview sample: fixed, so a sample is the same in every session and on every machine. */
export const PREVIEW_SAMPLE_SEED = 20261206;

/** Over-draw of the pre-filter, so an estimated total that is somewhat too high still leaves `rows` candidates. */
const MARGIN = 1.25;

/** The cut below which rows are candidates; 1 (all of them) when the sample is most of the input. */
export function sampleCut(plan: SamplePlan): number {
  const cut = (plan.rows * (plan.exact ? 1.02 : MARGIN)) / Math.max(1, plan.total) + 1e-6;
  return Math.min(1, cut);
}

/** The SELECT of the sample over a block's own SELECT, whose columns are `columns`. */
export function sampledSelect(select: string, columns: readonly Column[], plan: SamplePlan): string {
  const unit = seededUnit(plan.seed, stableRowKey(columns));
  const cut = sampleCut(plan);
  const where = cut < 1 ? ` WHERE ${unit} < ${cut}` : '';
  // Ties of the unit are rows with the same key text, that is identical rows: any order among them gives one table.
  return `SELECT * FROM (${select}) AS __sampled${where} ORDER BY ${unit} LIMIT ${Math.floor(plan.rows)}`;
}
