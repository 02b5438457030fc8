import { fail } from '../../errors/catalog';
import { quoteIdent, quoteLiteral } from '../../sql/quote';
import { requireColumn } from '../columns';
import type { Compiled, PortRelations, Relation } from '../contract';
import type { EvaluateParams } from './params';

const SCALE = 18;

/** A number as an exact decimal of SCALE places, in integer units: the form the SQL sums without rounding. */
function toUnits(x: number): bigint {
  const [whole = '0', fraction = ''] = x.toFixed(SCALE).split('.');
  return BigInt(whole + fraction);
}

function unitsText(units: bigint): string {
  const digits = units.toString().padStart(SCALE + 1, '0');
  return `${digits.slice(0, -SCALE)}.${digits.slice(-SCALE)}`;
}

const decimalList = (values: readonly string[]) => `CAST([${values.map((v) => quoteLiteral(v)).join(', ')}] AS DECIMAL(38,${SCALE})[])`;

/**
 * The discounts 1/log2(rank + 1) for ranks 1…k, and the ideal DCG of n relevant items for n = 1…k, as exact
 * decimal texts of SCALE places. They are computed here, not with the engine's log2: the C library behind log2
 * differs between the native and WebAssembly builds, JavaScript's does not. Each ideal DCG is the exact sum of the
 * same rounded discounts, so a perfect ranking scores exactly 1.
 */
export function discountTexts(k: number): { discounts: string[]; ideal: string[] } {
  const discounts = Array.from({ length: k }, (_, r) => toUnits(1 / Math.log2(r + 2)));
  const ideal: bigint[] = [];
  discounts.reduce((sum, d) => {
    ideal.push(sum + d);
    return sum + d;
  }, 0n);
  return { discounts: discounts.map(unitsText), ideal: ideal.map(unitsText) };
}

/** discountTexts as SQL lists of DECIMALs. */
export function discountTables(k: number): { discounts: string; ideal: string } {
  const { discounts, ideal } = discountTexts(k);
  return { discounts: decimalList(discounts), ideal: decimalList(ideal) };
}

/** A mean over users summed as DECIMAL, so it is the same to the last bit whatever order threads add the users in. */
const exactMean = (perUser: string) => `CAST(sum(CAST(${perUser} AS DECIMAL(38,${SCALE}))) AS DOUBLE) / NULLIF(count(*), 0)`;

/** The name of an input's column: the one given, or the column at `position` when the name is left empty. */
function columnOf(rel: Relation, name: string, position: number, path: string, where: string): string {
  if (name !== '') return requireColumn(rel, name, where).name;
  const col = rel.columns[position] ?? fail('E_PARAMS_INVALID', { path, detail: `${where} has no column ${position + 1}: choose one` });
  return col.name;
}

/** The relations' own names, unusual so that no input table is hidden behind them. */
const RECOMMENDED = '__wrangle_recommended';
const HELD_OUT = '__wrangle_held_out';
const PER_USER = '__wrangle_per_user';

/**
 * Ranking mode: one row of top-k metrics, each averaged over the holdout's users (a user with no recommendation
 * scores 0). Precision divides the hits by k, recall by the user's holdout items; NDCG uses binary relevance with the
 * discount 1/log2(rank + 1) and the ideal DCG of min(k, holdout items) hits. Coverage is the share of items
 * recommended at rank ≤ k among the catalog's items, or, with no catalog connected, among the items of the holdout
 * and of every recommendation row.
 */
export function compileRankingMetrics(p: EvaluateParams, inputs: PortRelations<string>): Compiled {
  const recs = inputs.recommendations!;
  const holdout = inputs.holdout!;
  const where = 'the recommendations input';
  const userName = columnOf(recs, p.userColumn, 0, 'userColumn', where);
  const itemName = columnOf(recs, p.itemColumn, 1, 'itemColumn', where);
  const [user, item] = [quoteIdent(userName), quoteIdent(itemName)];
  const rank = quoteIdent(requireColumn(recs, p.rankColumn, where).name);
  const heldUser = quoteIdent(requireColumn(holdout, p.holdoutUserColumn || userName, 'the holdout input').name);
  const heldItem = quoteIdent(requireColumn(holdout, p.holdoutItemColumn || itemName, 'the holdout input').name);
  const { discounts, ideal } = discountTables(p.k);
  const recommended =
    `SELECT user_id, item_id, min(position) AS position FROM (SELECT ${user} AS user_id, ${item} AS item_id, CAST(${rank} AS BIGINT) AS position FROM ${recs.ref}) ` +
    `WHERE position BETWEEN 1 AND ${p.k} AND user_id IS NOT NULL AND item_id IS NOT NULL GROUP BY user_id, item_id`;
  const heldOut = `SELECT DISTINCT ${heldUser} AS user_id, ${heldItem} AS item_id FROM ${holdout.ref} WHERE ${heldUser} IS NOT NULL AND ${heldItem} IS NOT NULL`;
  const perUser =
    `SELECT h.user_id, count(*) AS relevant, count(r.item_id) AS hits, coalesce(sum(list_extract(${discounts}, r.position)), 0) AS dcg ` +
    `FROM ${HELD_OUT} AS h LEFT JOIN ${RECOMMENDED} AS r ON r.user_id = h.user_id AND r.item_id = h.item_id GROUP BY h.user_id`;
  const idealDcg = `CAST(list_extract(${ideal}, least(${p.k}, relevant)) AS DOUBLE)`;
  const catalogItems = p.useCatalog ? catalogCount(p, inputs.catalog!) : `(SELECT count(*) FROM (SELECT ${item} AS item_id FROM ${recs.ref} UNION SELECT item_id FROM ${HELD_OUT}) WHERE item_id IS NOT NULL)`;
  const select =
    `WITH ${RECOMMENDED} AS (${recommended}), ${HELD_OUT} AS (${heldOut}), ${PER_USER} AS (${perUser}) ` +
    `SELECT CAST(sum(hits) AS DOUBLE) / NULLIF(${p.k} * count(*), 0) AS precision_at_k, ` +
    `${exactMean('CAST(hits AS DOUBLE) / relevant')} AS recall_at_k, ` +
    `${exactMean(`CAST(dcg AS DOUBLE) / ${idealDcg}`)} AS ndcg_at_k, ` +
    `count(*) FILTER (WHERE hits > 0) / NULLIF(count(*), 0) AS hit_rate_at_k, count(*) AS users, ` +
    `(SELECT count(DISTINCT item_id) FROM ${RECOMMENDED}) / NULLIF(${catalogItems}, 0) AS coverage FROM ${PER_USER}`;
  return { select, outputs: (main) => ({ metrics: `SELECT * FROM ${main}` }) };
}

function catalogCount(p: EvaluateParams, catalog: Relation): string {
  const col = columnOf(catalog, p.catalogColumn, 0, 'catalogColumn', 'the catalog input');
  return `(SELECT count(DISTINCT ${quoteIdent(col)}) FROM ${catalog.ref})`;
}
