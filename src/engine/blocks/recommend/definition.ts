import { z } from 'zod';
import { assertNever } from '../../assert-never';
import { fail } from '../../errors/catalog';
import { quoteIdent } from '../../sql/quote';
import { requireColumn } from '../columns';
import { readFactorPair, scoreExpression } from '../factor-tables';
import { defineBlock, SINGLE_OUT, type Relation } from '../types';
import { topPerGroup } from '../top-k';

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
  const names = [user, item, 'score', 'rank'];
  const clash = names.find((n, i) => names.indexOf(n) !== i);
  if (clash !== undefined) fail('E_COLUMN_EXISTS', { column: clash });
}

/** The seen interactions' user and item columns, by name or else the given defaults. */
function seenColumns(seen: Relation, p: RecommendParams, defaults: { user: string; item: string }) {
  const user = p.userColumn || defaults.user || fail('E_PARAMS_INVALID', { path: 'userColumn', detail: 'choose the user column of the seen input' });
  const item = p.itemColumn || defaults.item || fail('E_PARAMS_INVALID', { path: 'itemColumn', detail: 'choose the item column of the seen input' });
  return { user: requireColumn(seen, user, 'the seen input').name, item: requireColumn(seen, item, 'the seen input').name };
}

function recommendFromFactors(p: RecommendParams, inputs: Record<string, Relation>): string {
  const { users, items } = readFactorPair(inputs.users!, inputs.items!);
  const [userId, itemId] = [quoteIdent(users.id.name), quoteIdent(items.id.name)];
  outputNames(users.id.name, items.id.name);
  let unseen = '';
  if (p.excludeSeen) {
    const seen = inputs.seen!;
    const cols = seenColumns(seen, p, { user: users.id.name, item: items.id.name });
    unseen = ` ANTI JOIN ${seen.ref} AS s ON s.${quoteIdent(cols.user)} = u.${userId} AND s.${quoteIdent(cols.item)} = i.${itemId}`;
  }
  // Every user × item pair is scored in the engine; at 6,000 × 4,000 that is 24M expressions, which DuckDB streams.
  const scored = `SELECT u.${userId} AS group_id, i.${itemId} AS item_id, ${scoreExpression(users, items)} AS value FROM ${users.rel.ref} AS u CROSS JOIN ${items.rel.ref} AS i${unseen}`;
  return topPerGroup(scored, p.k, { group: users.id.name, item: items.id.name, value: 'score' });
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
  inputs: (p) => (p.method === 'popularity' ? ['seen'] : p.excludeSeen ? ['users', 'items', 'seen'] : ['users', 'items']),
  outputs: () => SINGLE_OUT,
  compile({ params: p, inputs }) {
    switch (p.method) {
      case 'factors':
        return { select: recommendFromFactors(p, inputs) };
      case 'popularity':
        return { select: recommendPopular(p, inputs.seen!) };
      default:
        return assertNever(p.method);
    }
  },
});
