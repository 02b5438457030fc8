import { TranslationError } from '../expr/ast';
import { chain, draft, type NodeContext, type NodeTranslation } from '../drafts';
import { isRecord } from '../dw-flow';
import { columnList, modeOf, modeParameters, numberParam, textParam } from './params';

const DEFAULT_SEED = 42;

function seedOf(p: Record<string, unknown>): number {
  return Math.trunc(numberParam(p, 'random_seed', 'seed') ?? DEFAULT_SEED);
}

/** `sampling`: the first rows, a seeded sample of about n rows, or a stratified share. */
export function translateSampling(ctx: NodeContext): NodeTranslation {
  const mode = modeOf(ctx.node.parameters);
  const p = modeParameters(ctx.node.parameters, mode);
  const m = mode.toLowerCase();
  const size = numberParam(p, 'sample_size', 'limit', 'n');
  if (m.includes('limit') || m.includes('first')) {
    if (size === undefined) throw new TranslationError('the sample size is missing');
    return chain(ctx, [draft(ctx, 'sample', { mode: 'first', rows: Math.trunc(size) }, { label: `First ${size} rows` })], 'translated', `the first ${size} rows`);
  }
  if (m.includes('random')) {
    if (size === undefined) throw new TranslationError('the sample size is missing');
    const block = draft(ctx, 'sample', { mode: 'rows', rows: Math.trunc(size), seed: seedOf(p) }, { label: `Random ${size} rows` });
    return chain(ctx, [block], 'approximated', `${size} rows chosen by a seeded hash (seed ${seedOf(p)}): other rows than Spark's sample`);
  }
  if (m.includes('stratified')) {
    const column = columnList(p.stratify_column ?? p.input_column)[0];
    const fraction = numberParam(p, 'fraction', 'sample_ratio', 'ratio');
    if (!column || fraction === undefined) throw new TranslationError('a stratified sample is translated from a column and a fraction');
    const block = draft(ctx, 'sample', { mode: 'stratified', column, fraction, seed: seedOf(p) }, { label: `Stratified sample by ${column}` });
    return chain(ctx, [block], 'approximated', `a ${fraction} share of each ${column} value, by a seeded hash: other rows than Spark's sample`);
  }
  throw new TranslationError(`the sampling "${mode}" is not translated`);
}

/** A split output name as a port name: letters, digits, _ and -, starting with a letter. */
function portName(name: string, taken: Set<string>): string {
  let port = name.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^[^A-Za-z_]+/, '').slice(0, 28) || 'part';
  const base = port;
  for (let i = 2; taken.has(port); i++) port = `${base}_${i}`;
  taken.add(port);
  return port;
}

/** `split`: randomized, ordered, stratified or by key, into outputs named as in Data Wrangler. */
export function translateSplit(ctx: NodeContext): NodeTranslation {
  const mode = modeOf(ctx.node.parameters);
  const p = modeParameters(ctx.node.parameters, mode);
  const m = mode.toLowerCase();
  const splits = Array.isArray(p.splits) ? p.splits.filter(isRecord) : [];
  if (splits.length < 2 || splits.length > 3) throw new TranslationError(`a split into ${splits.length} parts is not translated (2 or 3)`);
  const shares = splits.map((s) => numberParam(s, 'percentage', 'fraction') ?? NaN);
  if (shares.some((x) => !(x > 0))) throw new TranslationError('every split part needs a positive share');
  const total = shares.reduce((a, b) => a + b, 0);
  // Shares given in percent (80/20) or not quite summing to 1 are normalised.
  const fractions = shares.map((x) => x / total);
  const taken = new Set<string>();
  const outputs = splits.map((s, i) => ({ dw: textParam(s, 'name') ?? `part${i + 1}`, name: '', fraction: fractions[i]! }));
  for (const o of outputs) o.name = portName(o.dw, taken);
  const params: Record<string, unknown> = { outputs: outputs.map((o) => ({ name: o.name, fraction: o.fraction })), seed: seedOf(p) };
  let detail: string;
  let status: NodeTranslation['status'] = 'approximated';
  if (m.includes('random')) {
    params.method = 'randomized';
    detail = `randomized split (seed ${seedOf(p)}): Spark's randomSplit cannot be reproduced, so rows are assigned by a seeded md5 hash in the same shares`;
  } else if (m.includes('ordered')) {
    params.method = 'ordered';
    const column = columnList(p.input_column ?? p.order_by)[0];
    if (!column) throw new TranslationError('an ordered split is translated with its sort column (input_column)');
    params.orderBy = [{ column }];
    status = 'translated';
    detail = `ordered split by ${column}`;
  } else if (m.includes('stratified')) {
    params.method = 'stratified';
    const column = columnList(p.input_column ?? p.stratify_column)[0];
    if (!column) throw new TranslationError('a stratified split needs its column');
    params.stratifyColumn = column;
    detail = `stratified split by ${column}, each value's rows assigned by a seeded md5 hash`;
  } else if (m.includes('key')) {
    params.method = 'key';
    const keys = columnList(p.key ?? p.input_column ?? p.keys);
    if (keys.length === 0) throw new TranslationError('a split by key needs its key columns');
    params.keyColumns = keys;
    detail = `split by key ${keys.join(', ')}, each key's rows assigned by a seeded md5 hash`;
  } else throw new TranslationError(`the split "${mode}" is not translated`);
  const block = draft(ctx, 'split', params, { label: mode });
  const exits = Object.fromEntries(outputs.map((o) => [o.dw, { block: block.id, port: o.name }]));
  const shares2 = outputs.map((o) => `${o.dw} ${Math.round(o.fraction * 1000) / 10}%`).join(', ');
  return { ...chain(ctx, [block], status, `${detail}; ${shares2}`), exits: { default: exits[outputs[0]!.dw]!, ...exits } };
}
