import { quoteIdent } from '../sql/quote';

/**
 * The k best items of each group, as rows `<group>, <item>, <value>, rank` ordered by group then rank: highest value
 * first, ties broken by the item ascending. `scored` must have the columns `group_id`, `item_id` and `value`.
 *
 * A bounded top-k aggregate (min_by with n) keeps k entries per group, where ranking every row with
 * `QUALIFY row_number() OVER (…)` sorts all of them: at 6,000 users × 4,000 items (24M scores) the aggregate ran in
 * less than half the time on two cores, in memory that grows with users × k instead of users × items.
 */
export function topPerGroup(scored: string, k: number, names: { group: string; item: string; value: string }): string {
  // Ascending by (-value, item) is descending by value with ties by item. A NULL value sorts after every number.
  const order = `{neg: coalesce(-value, CAST('NaN' AS DOUBLE)), item: item_id}`;
  const tops = `SELECT group_id, min_by({item: item_id, value: value}, ${order}, ${k}) AS tops FROM (${scored}) GROUP BY group_id`;
  return (
    `SELECT group_id AS ${quoteIdent(names.group)}, unnest(tops).item AS ${quoteIdent(names.item)}, ` +
    `CAST(unnest(tops).value AS DOUBLE) AS ${quoteIdent(names.value)}, CAST(generate_subscripts(tops, 1) AS INTEGER) AS rank ` +
    `FROM (${tops}) ORDER BY 1, 4`
  );
}
