import { columnKey, ColumnNameSet, isNumericType, requireColumn } from '../blocks/columns';
import type { PrepareContext, Prepared, Relation } from '../blocks/contract';
import { fail } from '../errors/catalog';
import { quoteIdent, quoteLiteral } from '../sql/quote';
import { seededUnit, stableRowKey } from '../sql/seeded';
import type { AlsModel, AlsParams, AlsTrainingData, ValidationSet } from './als-contract';

/** The columns a model block reads: who rated, what, and how much (a rating, or an implicit weight such as a count). */
export interface RatingColumns {
  user: string;
  item: string;
  rating: string;
}

/** Names of the factor columns, after the id column and `bias`. */
export const factorColumn = (j: number): string => `f${j}`;
const FACTOR_NAME = /^(bias|f\d+)$/;

/** The id maps a training made: dense index `idx` (0-based, by ascending id) for each distinct `id`. */
export interface IdMaps {
  users: string;
  items: string;
}

function checkColumns(input: Relation, cols: RatingColumns, where: string): void {
  for (const [side, name] of [
    ['user', cols.user],
    ['item', cols.item],
  ] as const) {
    requireColumn(input, name, where);
    // By DuckDB's key: an id called `F0` or `Bias` beside the factor table's own `f0` and `bias` would be renamed.
    if (FACTOR_NAME.test(columnKey(name))) fail('E_MODEL_ID_CLASH', { side, column: name });
  }
  const rating = requireColumn(input, cols.rating, where);
  if (!isNumericType(rating.type)) fail('E_MODEL_COLUMN_TYPE', { column: rating.name, type: rating.type, role: 'rating' });
}

/** Rows with a user, an item and a finite rating: the others cannot be trained on (as Spark, they are skipped). */
function usable(cols: RatingColumns, alias = ''): string {
  const c = (name: string) => `${alias}${quoteIdent(name)}`;
  return `${c(cols.user)} IS NOT NULL AND ${c(cols.item)} IS NOT NULL AND ${c(cols.rating)} IS NOT NULL AND isfinite(${c(cols.rating)}::DOUBLE)`;
}

async function createIdMap(ctx: PrepareContext<unknown>, input: Relation, cols: RatingColumns, column: string, table: string): Promise<number> {
  await ctx.exec(
    `CREATE OR REPLACE TABLE ${quoteIdent(table)} AS SELECT id, (row_number() OVER (ORDER BY id) - 1)::INTEGER AS idx ` +
      `FROM (SELECT DISTINCT ${quoteIdent(column)} AS id FROM ${input.ref} WHERE ${usable(cols)})`,
  );
  const rows = await ctx.query(`SELECT count(*) AS n FROM ${quoteIdent(table)}`);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Maps ids to dense indices in SQL and reads the ratings as typed arrays, sorted by (user, item, rating) so the
 * trainer sees the same entries in the same order on every engine and thread count.
 */
export async function loadRatings(
  ctx: PrepareContext<unknown>,
  input: Relation,
  cols: RatingColumns,
  maps: IdMaps,
  validation?: Relation,
  folds?: { k: number; seed: number },
): Promise<AlsTrainingData & { fold?: Int32Array }> {
  checkColumns(input, cols, 'the ratings input');
  const users = await createIdMap(ctx, input, cols, cols.user, maps.users);
  const items = await createIdMap(ctx, input, cols, cols.item, maps.items);
  if (users === 0) fail('E_MODEL_NO_DATA', { detail: `no row has a ${cols.user}, a ${cols.item} and a numeric ${cols.rating}.` });
  // Cross-validation folds hash each rating's (user, item, rating) with the seed, as splits do: the same in every engine.
  const foldExpr = folds
    ? `floor(${seededUnit(folds.seed, stableRowKey(input.columns.filter((c) => Object.values(cols).includes(c.name))))} * ${folds.k})`
    : undefined;
  const joined = (rel: Relation, join: 'JOIN' | 'LEFT JOIN', withFold = false) => {
    const fold = quoteIdent(ColumnNameSet.of(rel).unused('__fold'));
    const source = withFold && foldExpr ? `(SELECT *, ${foldExpr} AS ${fold} FROM ${rel.ref})` : rel.ref;
    return (
      `SELECT coalesce(u.idx, -1)::DOUBLE AS u, coalesce(i.idx, -1)::DOUBLE AS i, r.${quoteIdent(cols.rating)}::DOUBLE AS r` +
      `${withFold && foldExpr ? `, r.${fold}::DOUBLE AS fold` : ''} FROM ${source} r ` +
      `${join} ${quoteIdent(maps.users)} u ON r.${quoteIdent(cols.user)} = u.id ${join} ${quoteIdent(maps.items)} i ON r.${quoteIdent(cols.item)} = i.id ` +
      `WHERE ${usable(cols, 'r.')} ORDER BY u, i, r`
    );
  };
  const train = await ctx.queryColumns(joined(input, 'JOIN', true));
  const data: AlsTrainingData & { fold?: Int32Array } = { users, items, user: Int32Array.from(train.u!), item: Int32Array.from(train.i!), rating: train.r! };
  if (train.fold) data.fold = Int32Array.from(train.fold);
  if (validation) {
    checkColumns(validation, cols, 'the validation input');
    const v = await ctx.queryColumns(joined(validation, 'LEFT JOIN'));
    const set: ValidationSet = { user: Int32Array.from(v.u!), item: Int32Array.from(v.i!), rating: v.r! };
    data.validation = set;
  }
  return data;
}

/** Writes one side's factors (dense index, bias, f0…) to a new table. */
export async function writeFactors(
  ctx: PrepareContext<unknown>,
  table: string,
  factors: Float64Array,
  bias: Float64Array,
  rank: number,
  biasShift: number,
): Promise<void> {
  const rows = bias.length;
  const columns = Array.from({ length: rank }, (_, j) => {
    const values = new Float64Array(rows);
    for (let r = 0; r < rows; r++) values[r] = factors[r * rank + j]!;
    return { name: factorColumn(j), type: 'DOUBLE' as const, values };
  });
  const idx = new Int32Array(rows);
  for (let r = 0; r < rows; r++) idx[r] = r;
  const shifted = biasShift === 0 ? bias : bias.map((b) => b + biasShift);
  // A training that failed after writing its tables, or a cancelled one, may have left them: this result owns the name.
  await ctx.exec(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
  await ctx.createTableFromColumns(table, [{ name: 'idx', type: 'INTEGER', values: idx }, { name: 'bias', type: 'DOUBLE', values: shifted }, ...columns]);
}

/** Writes both sides of a trained model; the global mean goes into the user bias, so a score is Σ u·i + biases. */
export async function writeModel(ctx: PrepareContext<unknown>, model: AlsModel, tables: { users: string; items: string }): Promise<void> {
  await writeFactors(ctx, tables.users, model.userFactors, model.userBias, model.rank, model.globalMean);
  await writeFactors(ctx, tables.items, model.itemFactors, model.itemBias, model.rank, 0);
}

/** A factor table as the blocks downstream read it: the original id (named as in the ratings), `bias`, `f0…`. */
export function factorSelect(map: string, factors: string, idName: string, rank: number): string {
  const cols = ['f.bias', ...Array.from({ length: rank }, (_, j) => `f.${quoteIdent(factorColumn(j))}`)];
  return `SELECT m.id AS ${quoteIdent(idName)}, ${cols.join(', ')} FROM ${quoteIdent(map)} m JOIN ${quoteIdent(factors)} f ON f.idx = m.idx ORDER BY m.idx`;
}

/** A one-row SELECT of literal values, for summaries. */
export function literalRow(values: Record<string, string | number | boolean | null>): string {
  return `SELECT ${Object.entries(values)
    .map(([k, v]) => `${typeof v === 'number' && !Number.isInteger(v) ? `${quoteLiteral(v)}::DOUBLE` : quoteLiteral(v)} AS ${quoteIdent(k)}`)
    .join(', ')}`;
}

/**
 * Trains on the loaded ratings with progress per iteration (under `stage`, when given), writes both factor tables,
 * and returns what the block keeps: its tables (the id maps and the factors) and its report.
 */
export async function trainAndStore(
  ctx: PrepareContext<unknown>,
  data: AlsTrainingData,
  settings: AlsParams,
  maps: IdMaps,
  stage?: string,
): Promise<Prepared> {
  let backend = '';
  const model = await ctx.models.trainAls(data, settings, {
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    onStart: (info) => (backend = info.backend),
    onIteration: (r) => ctx.progress({ ...r, ...(stage ? { stage } : {}), maxIter: settings.maxIter, backend }),
  });
  const factors = { users: ctx.table('user_factors'), items: ctx.table('item_factors') };
  await writeModel(ctx, model, factors);
  return {
    tables: { ...maps, userFactors: factors.users, itemFactors: factors.items },
    report: {
      backend: model.backend,
      ...(model.fallbackReason ? { fallbackReason: model.fallbackReason } : {}),
      users: data.users,
      items: data.items,
      ratings: data.rating.length,
      params: settings,
      history: model.history,
    },
  };
}

/** The SELECTs of a trained model's outputs: users (the main result), items. */
export function modelOutputs(prepared: Prepared | undefined, block: string, cols: { user: string; item: string }) {
  const t = prepared?.tables ?? fail('E_NO_RESULT', { block, what: 'trained model' });
  const rank = prepared!.report!.params.rank;
  return { users: factorSelect(t.users!, t.userFactors!, cols.user, rank), items: factorSelect(t.items!, t.itemFactors!, cols.item, rank) };
}
