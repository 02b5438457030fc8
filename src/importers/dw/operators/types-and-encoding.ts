import type { CastType } from '../../../engine/sql/types';
import { TranslationError } from '../expr/ast';
import { chain, draft, type DraftBlock, type NodeContext, type NodeTranslation } from '../drafts';
import { isRecord } from '../dw-flow';
import type { NodeStatus } from '../report';
import { stringIndexerLabels } from '../spark-model';
import { columnList, inputColumns, modeOf, modeParameters, requireText, textParam } from './params';

/** Data Wrangler's type names and the types Wrangle casts to. DW's `float` is Spark's double. */
const DW_TYPES: Record<string, CastType> = {
  string: 'VARCHAR', long: 'BIGINT', int: 'INTEGER', integer: 'INTEGER', float: 'DOUBLE', double: 'DOUBLE', bool: 'BOOLEAN',
  boolean: 'BOOLEAN', date: 'DATE', datetime: 'TIMESTAMP', timestamp: 'TIMESTAMP',
};

export function castTypeOf(dw: string): CastType {
  const t = DW_TYPES[dw.toLowerCase()];
  if (!t) throw new TranslationError(`the type ${JSON.stringify(dw)} is not translated`);
  return t;
}

/**
 * `infer_and_cast_type`. By default the types block infers types from the data it runs on, and Data Wrangler's stored
 * schema goes into its description: a stored type that does not fit the data (ids that are numbers in one file and
 * `U0001` in another) would otherwise turn every value of the column into NULL, silently, as it does in Spark. With
 * `typesFrom: 'file'` the stored schema is the block's fitted state, exactly as Data Wrangler ran it.
 */
export function translateInferTypes(ctx: NodeContext): NodeTranslation {
  const trained = ctx.node.trained?.schema;
  if (!isRecord(trained)) {
    return chain(ctx, [draft(ctx, 'types', {}, { label: 'Infer and cast types' })], 'refitted', 'types block; no schema in the file, so types are inferred on the first run');
  }
  const schema: Record<string, CastType> = {};
  const unknown: string[] = [];
  for (const [column, type] of Object.entries(trained)) {
    const mapped = typeof type === 'string' ? DW_TYPES[type.toLowerCase()] : undefined;
    if (mapped) schema[column] = mapped;
    else unknown.push(`${column} (${String(type)})`);
  }
  const stored = Object.entries(trained).map(([c, t]) => `${c}: ${String(t)}`).join(', ');
  if (ctx.typesFrom === 'data') {
    const block = draft(ctx, 'types', {}, { label: 'Infer and cast types', note: `Data Wrangler's stored schema: ${stored}` });
    return chain(ctx, [block], 'refitted', `types inferred from the data on the first run; the stored schema (${Object.keys(trained).length} columns) is in the block's description (import with the file's types to use it)`);
  }
  const note = unknown.length > 0 ? `kept as read: ${unknown.join(', ')}` : undefined;
  const block = draft(ctx, 'types', {}, { label: 'Infer and cast types', fitted: { schema }, note });
  return chain(ctx, [block], unknown.length > 0 ? 'approximated' : 'translated', `types block with the file's schema (${Object.keys(schema).length} columns); a value that does not convert becomes NULL${note ? `; ${note}` : ''}`);
}

/** `cast_single_data_type`: a cast in a manage-columns block; a value that does not convert becomes NULL, as in Spark. */
export function translateCast(ctx: NodeContext): NodeTranslation {
  const p = ctx.node.parameters;
  const columns = columnList(p.column ?? p.input_column);
  if (columns.length === 0) throw new TranslationError('the cast names no column');
  const type = castTypeOf(requireText(p, 'data_type', 'the target type'));
  const format = textParam(p, 'date_formatting', 'date_format');
  const block = draft(ctx, 'manage-columns', { operations: [{ op: 'cast', columns, type, onError: 'null' }] }, { label: `Cast ${columns.join(', ')} to ${type}` });
  return chain(ctx, [block], format ? 'approximated' : 'translated', `cast ${columns.join(', ')} to ${type}${format ? `; the date format ${format} is not applied (ISO dates are read)` : ''}`);
}

/** The fitted state of an encoder, which Data Wrangler stores as JSON text or as an object. */
function encoderState(ctx: NodeContext, key: string): Record<string, unknown> | undefined {
  const raw = ctx.node.trained?.[key];
  if (typeof raw === 'string') {
    try {
      const parsed: unknown = JSON.parse(raw);
      return isRecord(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  return isRecord(raw) ? raw : undefined;
}

/** Labels decoded from the saved StringIndexer of a column, or why there are none. */
async function decodedLabels(ctx: NodeContext, key: string, column: string, index: number): Promise<{ labels?: string[]; why: string }> {
  const state = encoderState(ctx, key);
  const models = columnList(state?.string_indexer_model);
  const model = models[index] ?? models[0];
  if (!model) return { why: 'no fitted labels in the file' };
  if (!ctx.readParquetRows) return { why: 'no Parquet reader was given to decode the fitted labels' };
  try {
    const decoded = await stringIndexerLabels(model, ctx.readParquetRows);
    if (decoded.inputColumn !== undefined && decoded.inputColumn !== column && models.length > 1) return { why: `the fitted model is for ${decoded.inputColumn}` };
    return { labels: decoded.labels, why: '' };
  } catch (e) {
    return { why: `the fitted labels could not be decoded (${e instanceof Error ? e.message : String(e)})` };
  }
}

const ONE_HOT_UNKNOWN: Record<string, 'ignore' | 'error'> = { keep: 'ignore', error: 'error', skip: 'ignore' };
const ORDINAL_UNKNOWN: Record<string, 'ignore' | 'keep' | 'error'> = { 'replace with nan': 'ignore', keep: 'keep', error: 'error', skip: 'ignore' };

/** `encode_categorical`: one-hot or ordinal blocks, one per column, with the labels decoded from the file when it has them. */
export async function translateEncode(ctx: NodeContext): Promise<NodeTranslation> {
  const mode = modeOf(ctx.node.parameters);
  const oneHot = /one.?hot/i.test(mode);
  if (!oneHot && !/ordinal/i.test(mode)) throw new TranslationError(`the encoding "${mode}" is not translated`);
  const p = modeParameters(ctx.node.parameters, mode);
  const key = oneHot ? 'one_hot_encode_parameters' : 'ordinal_encode_parameters';
  const strategy = (textParam(p, 'invalid_handling_strategy') ?? (oneHot ? 'Keep' : 'Replace with NaN')).toLowerCase();
  const notes = new Set<string>();
  if (strategy === 'skip') notes.add('rows with an unseen value are kept (all zeros or NULL) instead of being dropped');
  if (oneHot && strategy === 'keep') notes.add('unseen values give all zeros');
  if (oneHot && /vector/i.test(textParam(p, 'output_style') ?? '')) notes.add('the vector output style is written as one column per label');
  const output = textParam(p, 'output_column');
  let status: NodeStatus = 'translated';
  const blocks: DraftBlock[] = [];
  const details: string[] = [];
  const columns = inputColumns(p);
  for (const [i, column] of columns.entries()) {
    const { labels: decoded, why } = await decodedLabels(ctx, key, column, i);
    let labels = decoded;
    // Spark's dropLast leaves out the last category's column; with "Keep", the last category is the unseen-value slot.
    if (labels && oneHot && p.drop_last === true && strategy !== 'keep') labels = labels.slice(0, -1);
    if (!labels) {
      status = 'refitted';
      if (oneHot && p.drop_last === true) notes.add('drop_last cannot be applied to labels fitted here: every label gets a column');
    }
    const fitted = labels ? { labels } : undefined;
    if (oneHot) {
      const params = { column, outputStyle: 'columns', unknown: ONE_HOT_UNKNOWN[strategy] ?? 'ignore', maxLabels: Math.min(1000, Math.max(100, labels?.length ?? 0)) };
      blocks.push(draft(ctx, 'one-hot', params, { label: `One-hot encode ${column}`, fitted }));
    } else {
      const params = {
        column,
        ...(output && columns.length === 1 && { outputColumn: output }),
        unknown: ORDINAL_UNKNOWN[strategy] ?? 'ignore',
        maxLabels: Math.min(100_000, Math.max(1000, labels?.length ?? 0)),
      };
      blocks.push(draft(ctx, 'ordinal', params, { label: `Ordinal encode ${column}`, fitted }));
    }
    details.push(labels ? `${column}: ${labels.length} labels decoded from the file (${labels.slice(0, 3).join(', ')}${labels.length > 3 ? ', …' : ''})` : `${column}: refitted on the first run (${why})`);
  }
  if (notes.size > 0 && status === 'translated' && [...notes].some((n) => !n.startsWith('unseen values give all zeros'))) status = 'approximated';
  return chain(ctx, blocks, status, [`${oneHot ? 'one-hot' : 'ordinal'} encoding; ${details.join('; ')}`, ...notes].join('; '));
}
