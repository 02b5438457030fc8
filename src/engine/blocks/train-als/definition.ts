import { z } from 'zod';
import { alsParams, alsSettings } from '../../model/als-settings';
import { literalRow, loadRatings, modelOutputs, trainAndStore } from '../../model/als-data';
import { tellModelReport } from '../../model/tell-model-report';
import { defineBlock, type Prepared } from '../contract';

const params = z
  .object({
    userColumn: z.string().min(1).default('userId'),
    itemColumn: z.string().min(1).default('itemId'),
    ratingColumn: z.string().min(1).default('rating'),
    ...alsSettings,
    /** Adds a `validation` input whose RMSE is reported after every iteration (explicit feedback). */
    validate: z.boolean().default(false),
  })
  .strict();

export type TrainAlsParams = z.infer<typeof params>;

/** The one-row `summary` output: what was trained, on how much, and how well. Nothing host-specific (timings, backend). */
export function summaryRow(prepared: Prepared): string {
  const report = prepared.report!;
  const last = report.history.at(-1);
  const cells = report.users * report.items;
  return literalRow({
    users: report.users,
    items: report.items,
    ratings: report.ratings,
    sparsity: cells === 0 ? 0 : 1 - report.ratings / cells,
    rank: report.params.rank,
    iterations: report.history.length,
    reg_param: report.params.regParam,
    implicit: report.params.implicitPrefs,
    loss: last?.loss ?? null,
    train_rmse: last?.trainRmse ?? null,
    validation_rmse: last?.validationRmse ?? null,
  });
}

export const trainAlsBlock = defineBlock({
  kind: 'train-als',
  family: 'model',
  title: 'Train ALS',
  description:
    'Matrix factorisation (alternating least squares) of user × item ratings, explicit or implicit, as Spark ML trains it. Outputs the user and item factor tables and a summary.',
  params,
  // Ports that depend on the settings: each is checked where it is read.
  inputs: (p): string[] => (p.validate ? ['ratings', 'validation'] : ['ratings']),
  outputs: () => ['users', 'items', 'summary'],
  report: ({ prepared }) => prepared?.report,
  tellReport: tellModelReport,
  async prepare(ctx) {
    const p = ctx.params;
    const settings = alsParams(p);
    const maps = { users: ctx.table('user_ids'), items: ctx.table('item_ids') };
    const cols = { user: p.userColumn, item: p.itemColumn, rating: p.ratingColumn };
    const data = await loadRatings(ctx, ctx.inputs.ratings!, cols, maps, p.validate ? ctx.inputs.validation : undefined);
    return trainAndStore(ctx, data, settings, maps);
  },
  compile({ params: p, prepared }) {
    const model = modelOutputs(prepared, 'train-als', { user: p.userColumn, item: p.itemColumn });
    return { select: model.users, outputs: (main) => ({ users: `SELECT * FROM ${main}`, items: model.items, summary: summaryRow(prepared!) }) };
  },
});
