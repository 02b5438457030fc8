import { quoteIdent, quoteLiteral } from '../../../engine/sql/quote';
import { TranslationError } from '../expr/ast';
import { chain, draft, type DraftBlock, type NodeContext, type NodeTranslation } from '../drafts';
import type { NodeStatus } from '../report';
import { columnList, inputColumns, modeOf, modeParameters, numberParam, requireText, textParam } from './params';

/** Writing to `output_column` keeps the input: the copy is made first and the step works on the copy. */
function copyFirst(ctx: NodeContext, column: string, output: string | undefined): { target: string; blocks: DraftBlock[] } {
  if (!output || output === column) return { target: column, blocks: [] };
  return { target: output, blocks: [draft(ctx, 'manage-columns', { operations: [{ op: 'duplicate', column, as: output }] }, { label: `Copy ${column} to ${output}` })] };
}

/** `handle_missing`: impute (mean, median, mode), fill with a value, drop rows, or add a missing indicator. */
export function translateHandleMissing(ctx: NodeContext): NodeTranslation {
  const mode = modeOf(ctx.node.parameters);
  const p = modeParameters(ctx.node.parameters, mode);
  const m = mode.toLowerCase();
  if (m === 'impute') {
    const numeric = /numeric/i.test(textParam(p, 'column_type') ?? 'numeric');
    const inner = modeParameters(p, numeric ? 'numeric' : 'categorical');
    const strategyText = (textParam(inner, 'strategy') ?? (numeric ? 'Mean' : 'Mode')).toLowerCase();
    const strategy = !numeric ? 'mode' : strategyText.includes('median') ? 'median' : strategyText.includes('mean') ? 'mean' : strategyText.includes('mode') ? 'mode' : undefined;
    if (!strategy) throw new TranslationError(`the imputation "${strategyText}" is not translated`);
    const columns = inputColumns(inner);
    const output = textParam(inner, 'output_column');
    const blocks: DraftBlock[] = [];
    for (const column of columns) {
      const { target, blocks: copy } = copyFirst(ctx, column, columns.length === 1 ? output : undefined);
      blocks.push(...copy, draft(ctx, 'missing', { columns: [target], strategy }, { label: `Impute ${target} (${strategy})` }));
    }
    return chain(ctx, blocks, 'refitted', `fill missing ${columns.join(', ')} with the ${strategy}, fitted on the first run`);
  }
  if (m.startsWith('fill')) {
    const columns = inputColumns(p);
    const raw = p.fill_value;
    const value = typeof raw === 'number' || typeof raw === 'boolean' ? raw : typeof raw === 'string' ? raw : undefined;
    if (value === undefined) throw new TranslationError('the fill value is missing');
    const output = textParam(p, 'output_column');
    const { target, blocks } = copyFirst(ctx, columns[0]!, columns.length === 1 ? output : undefined);
    const targets = columns.length === 1 ? [target] : columns;
    blocks.push(draft(ctx, 'missing', { columns: targets, strategy: 'constant', value }, { label: `Fill missing ${targets.join(', ')}` }));
    return chain(ctx, blocks, 'translated', `fill missing ${targets.join(', ')} with ${JSON.stringify(value)}`);
  }
  if (m.startsWith('drop')) {
    const columns = [...new Set(columnList(p.input_column ?? p.column))];
    if (columns.length > 0) {
      const block = draft(ctx, 'missing', { columns, strategy: 'drop-rows' }, { label: `Drop rows missing ${columns.join(', ')}` });
      return chain(ctx, [block], 'translated', `drop rows where ${columns.join(', ')} is missing`);
    }
    const block = draft(ctx, 'sql', { query: 'SELECT * FROM df WHERE COLUMNS(*) IS NOT NULL' }, { label: 'Drop rows with a missing value' });
    return chain(ctx, [block], 'translated', 'drop rows with a missing value in any column');
  }
  if (m.includes('indicator')) {
    const columns = inputColumns(p);
    const output = textParam(p, 'output_column');
    const blocks = columns.map((column) => {
      const name = output && columns.length === 1 ? output : `${column}_indicator`;
      return draft(ctx, 'formula', { column: name, expression: `CAST(${quoteIdent(column)} IS NULL AS INTEGER)` }, { label: `${name}: is ${column} missing` });
    });
    return chain(ctx, blocks, 'translated', `0/1 missing indicators for ${columns.join(', ')}`);
  }
  throw new TranslationError(`the missing-value operation "${mode}" is not translated`);
}

/** The SQL of a step that clips, removes or nulls the values of a column outside bounds computed by `bounds` over `df`. */
function fixOutliers(column: string, bounds: string, fix: string): string {
  const c = quoteIdent(column);
  const lo = `(SELECT lo FROM bounds)`;
  const hi = `(SELECT hi FROM bounds)`;
  const f = fix.toLowerCase();
  const head = `WITH bounds AS (${bounds})`;
  if (f.startsWith('remove')) return `${head} SELECT * FROM df WHERE ${c} IS NULL OR ${c} BETWEEN ${lo} AND ${hi}`;
  if (f.startsWith('invalidate')) return `${head} SELECT * REPLACE (CASE WHEN ${c} < ${lo} OR ${c} > ${hi} THEN NULL ELSE ${c} END AS ${c}) FROM df`;
  if (f.startsWith('clip') || f === '') return `${head} SELECT * REPLACE (CASE WHEN ${c} < ${lo} THEN ${lo} WHEN ${c} > ${hi} THEN ${hi} ELSE ${c} END AS ${c}) FROM df`;
  throw new TranslationError(`the outlier fix "${fix}" is not translated`);
}

/** Exact sums, as the aggregate block computes them, so bounds do not change between runs. */
const exactMean = (c: string) => `CAST(avg(CAST(${c} AS DECIMAL(38,12))) AS DOUBLE)`;
const stddev = (c: string) => `stddev_samp(${c} ORDER BY ${c})`;

/** `handle_outliers`: bounds by standard deviations, quantiles or fixed thresholds, computed in SQL on every run. */
export function translateHandleOutliers(ctx: NodeContext): NodeTranslation {
  const mode = modeOf(ctx.node.parameters);
  const p = modeParameters(ctx.node.parameters, mode);
  const m = mode.toLowerCase();
  const columns = inputColumns(p);
  const fix = textParam(p, 'fix_method') ?? 'Clip';
  const state: { status: NodeStatus } = { status: 'refitted' };
  let how: string;
  const queries = columns.map((column) => {
    const c = quoteIdent(column);
    const x = `CAST(${c} AS DOUBLE)`;
    if (m.includes('replace rare')) {
      const threshold = numberParam(p, 'absolute_threshold') ?? 0;
      const fraction = numberParam(p, 'fraction_threshold') ?? 0;
      const replacement = quoteLiteral(textParam(p, 'replacement_string') ?? 'Other');
      how = `values seen fewer than ${threshold} times (or under a ${fraction} share) become ${replacement}`;
      const rare = `count(*) OVER (PARTITION BY ${c}) < greatest(${threshold}, ${fraction} * count(*) OVER ())`;
      return `SELECT * REPLACE (CASE WHEN ${c} IS NOT NULL AND ${rare} THEN ${replacement} ELSE ${c} END AS ${c}) FROM df`;
    }
    if (m.includes('min-max') || m.includes('min max')) {
      state.status = 'translated';
      const lo = numberParam(p, 'lower_threshold') ?? -Infinity;
      const hi = numberParam(p, 'upper_threshold') ?? Infinity;
      how = `values outside [${lo}, ${hi}]`;
      const bound = (n: number) => (Number.isFinite(n) ? quoteLiteral(n) : `'${n > 0 ? 'inf' : '-inf'}'::DOUBLE`);
      return fixOutliers(column, `SELECT ${bound(lo)} AS lo, ${bound(hi)} AS hi`, fix);
    }
    if (m.includes('quantile') && !m.includes('standard deviation')) {
      const lo = numberParam(p, 'lower_quantile') ?? 0.01;
      const hi = numberParam(p, 'upper_quantile') ?? 0.99;
      how = `values outside the ${lo} and ${hi} quantiles`;
      return fixOutliers(column, `SELECT quantile_cont(${x}, ${lo}) AS lo, quantile_cont(${x}, ${hi}) AS hi FROM df`, fix);
    }
    if (m.includes('standard deviation')) {
      const k = numberParam(p, 'standard_deviations') ?? 4;
      if (m.includes('robust')) {
        state.status = 'approximated';
        const lo = numberParam(p, 'lower_quantile') ?? 0.01;
        const hi = numberParam(p, 'upper_quantile') ?? 0.99;
        how = `values more than ${k} standard deviations from the mean, both taken between the ${lo} and ${hi} quantiles`;
        const inner = `SELECT ${x} AS v FROM df WHERE ${x} BETWEEN (SELECT quantile_cont(${x}, ${lo}) FROM df) AND (SELECT quantile_cont(${x}, ${hi}) FROM df)`;
        return fixOutliers(column, `SELECT ${exactMean('v')} - ${k} * ${stddev('v')} AS lo, ${exactMean('v')} + ${k} * ${stddev('v')} AS hi FROM (${inner})`, fix);
      }
      how = `values more than ${k} standard deviations from the mean`;
      return fixOutliers(column, `SELECT ${exactMean(x)} - ${k} * ${stddev(x)} AS lo, ${exactMean(x)} + ${k} * ${stddev(x)} AS hi FROM df`, fix);
    }
    throw new TranslationError(`the outlier handling "${mode}" is not translated`);
  });
  const blocks = queries.map((query, i) => draft(ctx, 'sql', { query }, { label: `${mode}: ${columns[i]}` }));
  const statistic = state.status === 'translated' ? '' : '; the statistics are computed from the data on every run';
  return chain(ctx, blocks, state.status, `${fix.toLowerCase()} ${how!} in ${columns.join(', ')}${statistic}`);
}

const SCALERS: Record<string, 'standard' | 'robust' | 'min-max' | 'max-abs'> = {
  'standard scaler': 'standard', 'robust scaler': 'robust', 'min-max scaler': 'min-max', 'min max scaler': 'min-max',
  'max absolute scaler': 'max-abs', 'max abs scaler': 'max-abs',
};

/** `process_numeric`: the scalers, as scale blocks fitted on the first run. */
export function translateProcessNumeric(ctx: NodeContext): NodeTranslation {
  const mode = modeOf(ctx.node.parameters);
  const p = modeParameters(ctx.node.parameters, mode);
  if (!/scale/i.test(mode)) throw new TranslationError(`the numeric operation "${mode}" is not translated`);
  const scaler = requireText(p, 'scaler', 'the scaler');
  const method = SCALERS[scaler.toLowerCase()];
  if (!method) throw new TranslationError(`the scaler "${scaler}" is not translated`);
  const inner = modeParameters(p, scaler);
  const columns = inputColumns(inner);
  const notes: string[] = [];
  if (method === 'standard' && (inner.center === false || inner.scale === false)) notes.push('Wrangle\'s standard scaler always centres and scales');
  const min = numberParam(inner, 'min');
  const max = numberParam(inner, 'max');
  if (method === 'min-max' && ((min ?? 0) !== 0 || (max ?? 1) !== 1)) notes.push(`values are scaled into [0, 1], not [${min ?? 0}, ${max ?? 1}]`);
  const output = textParam(inner, 'output_column');
  const { target, blocks } = copyFirst(ctx, columns[0]!, columns.length === 1 ? output : undefined);
  const targets = columns.length === 1 ? [target] : columns;
  blocks.push(draft(ctx, 'scale', { columns: targets, method }, { label: `${scaler}: ${targets.join(', ')}` }));
  return chain(ctx, blocks, notes.length > 0 ? 'approximated' : 'refitted', [`${method} scaling of ${targets.join(', ')}, fitted on the first run`, ...notes].join('; '));
}
