import { z } from 'zod';
import { fail } from '../../errors/catalog';
import { literalRow, loadRatings, modelOutputs, trainAndStore } from '../../model/als-data';
import { quoteLiteral } from '../../sql/quote';
import { alsParams, alsSettings } from '../../model/als-settings';
import { tellModelReport } from '../../model/tell-model-report';
import { defineBlock } from '../contract';
import { crossValidate, type GridResult } from './cross-validate';

const positiveList = (item: z.ZodNumber) => z.array(item).min(1).max(12);

const params = z
  .object({
    userColumn: z.string().min(1).default('userId'),
    itemColumn: z.string().min(1).default('itemId'),
    ratingColumn: z.string().min(1).default('rating'),
    ...alsSettings,
    grid: z
      .object({
        rank: positiveList(z.number().int().min(1).max(256)).default([5, 10]),
        regParam: positiveList(z.number().min(0)).default([0.01, 0.1]),
      })
      .strict()
      .default({ rank: [5, 10], regParam: [0.01, 0.1] }),
    folds: z.number().int().min(2).max(10).default(5),
  })
  .strict();

export type TuneParams = z.infer<typeof params>;

/** The `results` output: one row per grid point, its mean and spread of held-out RMSE over the folds. */
function resultsSelect(results: GridResult[]): string {
  const rows = results.map(
    (r) =>
      `(${r.rank}, ${quoteLiteral(r.regParam)}::DOUBLE, ${quoteLiteral(r.mean)}::DOUBLE, ${quoteLiteral(r.std)}::DOUBLE, [${r.folds.map((x) => quoteLiteral(x)).join(', ')}]::DOUBLE[])`,
  );
  return `SELECT * FROM (VALUES ${rows.join(', ')}) AS t(rank, reg_param, rmse, rmse_std, fold_rmse) ORDER BY rmse, rank, reg_param`;
}

/** The lowest mean RMSE; ties go to the smaller rank, then the smaller regParam (the simpler model). */
export function bestOf(results: GridResult[]): GridResult {
  return [...results].sort((a, b) => a.mean - b.mean || a.rank - b.rank || a.regParam - b.regParam)[0]!;
}

export const tuneBlock = defineBlock({
  kind: 'tune',
  family: 'model',
  title: 'Tune ALS',
  description:
    'Grid search over rank × regParam with k-fold cross-validation (held-out RMSE), as Spark’s CrossValidator; then trains the best settings on all the ratings.',
  params,
  inputs: () => ['ratings'],
  outputs: () => ['users', 'items', 'results', 'best'],
  report: ({ prepared }) => prepared?.report,
  tellReport: tellModelReport,
  async prepare(ctx) {
    const p = ctx.params;
    if (p.implicitPrefs) fail('E_PARAMS_INVALID', { path: 'implicitPrefs', detail: 'tuning scores held-out RMSE, which needs explicit ratings' });
    const base = alsParams({ ...p, rank: p.grid.rank[0]!, regParam: p.grid.regParam[0]! });
    const maps = { users: ctx.table('user_ids'), items: ctx.table('item_ids') };
    const cols = { user: p.userColumn, item: p.itemColumn, rating: p.ratingColumn };
    const data = await loadRatings(ctx, ctx.inputs.ratings, cols, maps, undefined, { k: p.folds, seed: p.seed });
    const grid = p.grid.rank.flatMap((rank) => p.grid.regParam.map((regParam) => ({ rank, regParam })));
    const hooks = { ...(ctx.signal ? { signal: ctx.signal } : {}), progress: (x: Parameters<typeof ctx.progress>[0]) => ctx.progress(x) };
    const results = await crossValidate(ctx.models, data, data.fold!, p.folds, base, grid, hooks);
    const best = bestOf(results);
    const settings = { ...base, rank: best.rank, regParam: best.regParam };
    const stage = `best (rank ${best.rank}, regParam ${best.regParam}) on all ratings`;
    const all = { users: data.users, items: data.items, user: data.user, item: data.item, rating: data.rating };
    const trained = await trainAndStore(ctx, all, settings, maps, stage);
    // The grid's results are small: they travel as SELECTs of literals kept with the cached result, so a cached tune never trains again.
    return {
      ...trained,
      sql: { results: resultsSelect(results), best: literalRow({ rank: best.rank, reg_param: best.regParam, rmse: best.mean, rmse_std: best.std, folds: p.folds }) },
    };
  },
  compile({ params: p, prepared }) {
    const model = modelOutputs(prepared, 'tune', { user: p.userColumn, item: p.itemColumn });
    return {
      select: model.users,
      outputs: (main) => ({ users: `SELECT * FROM ${main}`, items: model.items, results: prepared!.sql!.results!, best: prepared!.sql!.best! }),
    };
  },
});
