/**
 * Block params and flow documents are parsed once per edit. A form parses its params to show their issues, and a
 * file is parsed to say why it cannot be opened; the store must still only ever hold valid values. So each valid
 * result parsed here is remembered (by identity, weakly), and when that very value reaches the store it is not parsed
 * again. The document and its params are never mutated, so a value that passed once stays valid.
 */
import { blockDefinition, type BlockKind } from '../../engine/blocks/registry';
import { parseSettings } from '../../engine/blocks/param-issues';
import { jsonPath, parseFlow } from '../../engine/flow/parse';
import type { FlowDocument } from '../../engine/flow/schema';

/** One problem with params: where, and what. */
export interface ParamsIssue {
  path: readonly PropertyKey[];
  message: string;
}

export type ParamsParse = { success: true; data: unknown } | { success: false; error: { issues: readonly ParamsIssue[] } };

const parsedParams = new WeakMap<object, BlockKind>();
const parsedFlows = new WeakSet<FlowDocument>();

const isObject = (value: unknown): value is object => value !== null && typeof value === 'object';

/**
 * Parses params with the kind's schema (defaults filled in), its issues in the user's words; a valid result is
 * remembered as checked for the kind.
 */
export function parseParams(kind: BlockKind, params: unknown): ParamsParse {
  const parsed = parseSettings(blockDefinition(kind) as Parameters<typeof parseSettings>[0], params);
  if (!parsed.success) return { success: false, error: { issues: parsed.error.issues } };
  if (isObject(parsed.data)) parsedParams.set(parsed.data, kind);
  return { success: true, data: parsed.data };
}

/** The kind's params schema as a form uses it: its valid results go to the store without a second parse. */
export function paramsSchema(kind: BlockKind): { safeParse(value: unknown): ParamsParse } {
  return { safeParse: (value) => parseParams(kind, value) };
}

/** Params valid for the kind: the value itself if it came from `parseParams`, else parsed now; or the first problem, by path. */
export function validateParams(kind: BlockKind, params: unknown): { ok: true; params: unknown } | { ok: false; reason: string } {
  if (isObject(params) && parsedParams.get(params) === kind) return { ok: true, params };
  const parsed = parseParams(kind, params);
  if (parsed.success) return { ok: true, params: parsed.data };
  const issue = parsed.error.issues[0];
  const at = issue ? jsonPath(issue.path.filter((k): k is string | number => typeof k !== 'symbol')).replace(/^\$\.?/, '') : '';
  return { ok: false, reason: `Invalid setting${at ? ` ${at}` : ''}: ${issue?.message ?? 'invalid'}` };
}

/** Reads a flow file's text (or value) with `parseFlow`; the document is remembered as valid. Throws as parseFlow does. */
export function readFlow(input: string | unknown): FlowDocument {
  const doc = parseFlow(input);
  parsedFlows.add(doc);
  return doc;
}

/** A flow valid for the store: the document itself if it came from `readFlow`, else parsed now (throws as parseFlow does). */
export function checkedFlow(doc: unknown): FlowDocument {
  return isObject(doc) && parsedFlows.has(doc as FlowDocument) ? (doc as FlowDocument) : readFlow(doc);
}
