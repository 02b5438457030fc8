import { TranslationError } from '../expr/ast';
import { isRecord } from '../dw-flow';

type Params = Record<string, unknown>;

/** `One-hot encode` → `one_hot_encode`: how Data Wrangler names a mode's parameter block. */
export function snakeName(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

/** The chosen mode of a multi-mode operator (`parameters.operator`). */
export function modeOf(p: Params): string {
  const mode = p.operator;
  if (typeof mode !== 'string' || mode === '') throw new TranslationError('the step names no operator (parameters.operator)');
  return mode;
}

/**
 * The parameter block of the chosen mode: `<mode>_parameters`. Files keep blocks of modes that were not chosen, so
 * the name decides, not position; the only non-empty block is used when the name does not match.
 */
export function modeParameters(p: Params, mode: string): Params {
  const named = p[`${snakeName(mode)}_parameters`];
  if (isRecord(named)) return named;
  const blocks = Object.entries(p).filter(([k, v]) => k.endsWith('_parameters') && isRecord(v) && Object.keys(v).length > 0);
  return blocks.length === 1 ? (blocks[0]![1] as Params) : {};
}

/** A column parameter that is a name in one version and a list of names in another. */
export function columnList(v: unknown): string[] {
  if (typeof v === 'string') return v === '' ? [] : [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string' && x !== '');
  return [];
}

export function textParam(p: Params, ...keys: string[]): string | undefined {
  for (const k of keys) {
    const v = p[k];
    if (typeof v === 'string' && v !== '') return v;
  }
  return undefined;
}

export function numberParam(p: Params, ...keys: string[]): number | undefined {
  for (const k of keys) {
    const v = p[k];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  }
  return undefined;
}

export function requireText(p: Params, key: string, what: string): string {
  return textParam(p, key) ?? failParam(`${what} (${key}) is missing`);
}

/** The input columns of a step (`input_column`), one at least. */
export function inputColumns(p: Params): string[] {
  const cols = columnList(p.input_column ?? p.input_columns ?? p.column);
  if (cols.length === 0) throw new TranslationError('the step names no input column');
  return cols;
}

export function failParam(detail: string): never {
  throw new TranslationError(detail);
}
