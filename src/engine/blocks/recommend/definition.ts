import { z } from 'zod';
import { assertNever } from '../../assert-never';
import { fail } from '../../errors/catalog';
import { quoteIdent } from '../../sql/quote';
import { ColumnNameSet, requireColumn } from '../columns';
import { readExclusions, readFactorMatrix, topKSelect, writeTopK } from '../../model/top-k-data';
import { readFactorPair } from '../factor-tables';
import { defineBlock, SINGLE_OUT, type PrepareContext, type Prepared, type Relation } from '../contract';

const params = z
  .object({
    k: z.number().int().min(1).max(1000).default(5),
    /** Factors: the model's top scores. Popularity: the most interacted-with items, the baseline to beat. */
    method: z.enum(['factors', 'popularity']).default('factors'),
    /** Leaves out the (user, item) pairs of the `seen` input, the training interactions. */
    excludeSeen: z.boolean().default(true),
    /** The user column of `seen`; empty: the users factor table's id column name. */
    userColumn: z.string().default(''),
    /** The item column of `seen`; empty: the items factor table's id column name. */
    itemColumn: z.string().default(''),
  })
  .strict();

export type RecommendParams = z.infer<typeof params>;

/** The output names: `<user>, <item>, score, rank`, which must be four different names. */
function outputNames(user: string, item: string): void {
  const names = new ColumnNameSet([user]);
  names.add(item, 'The user and item columns need different names.');
  for (const fixed of ['score', 'rank']) names.add(fixed, `The output has its own "${fixed}" column: rename the id column first.`);
}

/** The seen interactions' user and item columns, by name or else the given defaults. */
function seenColumns(seen: Relation, p: RecommendParams, defaults: { user: string; item: string }) {
  const user = p.userColumn || defaults.user || fail('E_PARAMS_INVALID', { path: 'userColumn', detail: 'choose the user column of the seen input' });
  const item = p.itemColumn || defaults.item || fail('E_PARAMS_INVALID', { path: 'itemColumn', detail: 'choose the item column of the seen input' });
  return { user: requireColumn(seen, user, 'the seen input').name, item: requireColumn(seen, item, 'the seen input').name };
}

/**
 * Scores every user × item pair in the trainer's top-k kernel, which keeps k per user: SQL would form all the pairs
 * (21M at 2,889 playlists × 7,253 tracks took 5 s natively, far longer in the browser).
 */
async function recommendFromFactors(ctx: PrepareContext<RecommendParams>): Promise<Prepared> {
  const p = ctx.params;
  const { users, items } = readFactorPair(ctx.inputs.users!, ctx.inputs.items!);
  outputNames(users.id.name, items.id.name);
  const maps = { users: ctx.table('user_ids'), items: ctx.table('item_ids') };
  const u = await readFactorMatrix(ctx, users, maps.users);
  const i = await readFactorMatrix(ctx, items, maps.items);
  const exclude = p.excludeSeen ? await readExclusions(ctx, ctx.inputs.seen!, seenColumns(ctx.inputs.seen!, p, { user: users.id.name, item: items.id.name }), maps, u.count) : null;
  const result = await ctx.models.topK({ queries: u.factors, queryBias: u.bias, items: i.factors, itemBias: i.bias, rank: users.rank, k: p.k, metric: 'dot', exclude, excludeSelf: false });
  const table = ctx.table('top_k');
  await writeTopK(ctx, table, result);
  return { tables: { ...maps, result: table } };
}

/**
 * Each user of `seen` gets the k most interacted-with items, leaving out (by default) those they have seen. A user who
 * has seen n items can only be offered items among the k + n most popular, so only those pairs are formed, never
 * every user × item pair.
 */
function recommendPopular(p: RecommendParams, seen: Relation): string {
  const cols = seenColumns(seen, p, { user: '', item: '' });
  outputNames(cols.user, cols.item);
  const [user, item] = [quoteIdent(cols.user), quoteIdent(cols.item)];
  const known = `${user} IS NOT NULL AND ${item} IS NOT NULL`;
  const popularity =
    `SELECT ${item} AS item_id, count(*) AS interactions, row_number() OVER (ORDER BY count(*) DESC, ${item}) AS popularity_rank ` +
    `FROM ${seen.ref} WHERE ${known} GROUP BY ${item}`;
  const seenPerUser = `SELECT ${user} AS user_id, count(DISTINCT ${item}) AS seen_items FROM ${seen.ref} WHERE ${known} GROUP BY ${user}`;
  const reach = p.excludeSeen ? `su.seen_items + ${p.k}` : String(p.k);
  const unseen = p.excludeSeen ? ` ANTI JOIN ${seen.ref} AS s ON s.${user} = su.user_id AND s.${item} = pop.item_id` : '';
  const candidates =
    `SELECT su.user_id, pop.item_id, pop.interactions, pop.popularity_rank FROM (${seenPerUser}) AS su ` +
    `JOIN (${popularity}) AS pop ON pop.popularity_rank <= ${reach}${unseen}`;
  // Ordered by position: an output named like an inner column (say "item_id") must not change what ORDER BY means.
  return (
    `SELECT user_id AS ${user}, item_id AS ${item}, CAST(interactions AS DOUBLE) AS score, ` +
    `CAST(row_number() OVER (PARTITION BY user_id ORDER BY popularity_rank) AS INTEGER) AS rank FROM (${candidates}) ` +
    `QUALIFY rank <= ${p.k} ORDER BY 1, 4`
  );
}

export const recommendBlock = defineBlock({
  kind: 'recommend',
  family: 'model',
  title: 'Recommend',
  description: 'The top k items for every user, by a model\'s factor scores or by popularity, leaving out what each user has seen.',
  params,
  // Ports that depend on the settings: each is checked where it is read.
  inputs: (p): string[] => (p.method === 'popularity' ? ['seen'] : p.excludeSeen ? ['users', 'items', 'seen'] : ['users', 'items']),
  outputs: () => SINGLE_OUT,
  async prepare(ctx) {
    return ctx.params.method === 'factors' ? recommendFromFactors(ctx) : { tables: {} };
  },
  compile({ params: p, inputs, prepared }) {
    switch (p.method) {
      case 'factors': {
        const { users, items } = readFactorPair(inputs.users!, inputs.items!);
        const t = prepared!.tables;
        return { select: topKSelect(t.result!, { queries: t.users!, items: t.items! }, { query: users.id.name, item: items.id.name, score: 'score' }) };
      }
      case 'popularity':
        return { select: recommendPopular(p, inputs.seen!) };
      default:
        return assertNever(p.method);
    }
  },
});
