import type { z } from 'zod';
import { settingsErrorMap } from '../blocks/param-issues';
import { blockDefinition, blockKinds, isBlockKind } from '../blocks/registry';
import { fail, WrangleError } from '../errors/catalog';
import { migrateFlow } from './migrate';
import { FLOW_FORMAT, flowSchema, type FlowDocument } from './schema';

/** Larger files are refused before parsing: no real flow comes near this. */
export const MAX_FLOW_BYTES = 20 * 1024 * 1024;
export const MAX_FLOW_DEPTH = 64;

/** `$.blocks[3].params.keys[0]` from a path of keys and indices. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, k) => {
    if (typeof k === 'number') return `${s}[${k}]`;
    const key = String(k);
    return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `${s}.${key}` : `${s}[${JSON.stringify(key)}]`;
  }, '$');
}

/**
 * Keys that change how a JavaScript object behaves when code reads or copies it (`obj[key]`, a spread, a record
 * built key by key). No flow needs them, so a document holding one is refused, wherever it is.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Depth, forbidden keys, and plain JSON shapes only: checked before anything reads the document. */
function checkShape(value: unknown, depth: number, path: PropertyKey[]): void {
  if (depth > MAX_FLOW_DEPTH) fail('E_FLOW_INVALID', { path: jsonPath(path), detail: `nested deeper than ${MAX_FLOW_DEPTH} levels` });
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => checkShape(v, depth + 1, [...path, i]));
    return;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  // An object handed over already parsed could inherit keys; JSON.parse never makes one.
  if (proto !== Object.prototype && proto !== null) fail('E_FLOW_INVALID', { path: jsonPath(path), detail: 'expected a plain JSON object' });
  for (const [k, v] of Object.entries(value)) {
    if (FORBIDDEN_KEYS.has(k)) fail('E_FLOW_INVALID', { path: jsonPath([...path, k]), detail: `the key "${k}" is not allowed in a flow` });
    checkShape(v, depth + 1, [...path, k]);
  }
}

/** JSON.parse's message, with a position wherever it did not give one. */
function notJsonDetail(e: unknown, text: string): string {
  const message = e instanceof Error ? e.message : String(e);
  return /Unexpected end of JSON input/.test(message) ? `${message} (at the end, position ${text.length})` : message;
}

function firstIssue(error: z.ZodError): WrangleError {
  const issue = error.issues[0];
  return new WrangleError('E_FLOW_INVALID', { path: jsonPath(issue?.path ?? []), detail: issue?.message ?? 'invalid' });
}

/**
 * Issues inside a block's params read as its form's field messages ("Choose a column"); the rest keep zod's words,
 * which name JSON types, as fits a file's structure.
 */
function blockSettingsErrors(doc: Record<string, unknown>): z.core.$ZodErrorMap {
  return (issue) => {
    const [top, index, params] = issue.path ?? [];
    if (top !== 'blocks' || typeof index !== 'number' || params !== 'params') return undefined;
    const block = (doc.blocks as unknown[])[index] as Record<string, unknown>;
    if (typeof block.kind !== 'string' || !isBlockKind(block.kind)) return undefined;
    return settingsErrorMap(block.params, blockDefinition(block.kind).paramWords, ['blocks', index, 'params'])(issue);
  };
}

/**
 * Reads a flow from JSON text or an already parsed value: checks size and depth, migrates older versions, refuses
 * newer ones, and validates. Every failure is a WrangleError that names the JSON path of the first problem.
 */
export function parseFlow(input: string | unknown): FlowDocument {
  let raw: unknown = input;
  if (typeof input === 'string') {
    if (input.length > MAX_FLOW_BYTES) fail('E_FLOW_INVALID', { path: '$', detail: `larger than ${MAX_FLOW_BYTES} bytes` });
    try {
      raw = JSON.parse(input);
    } catch (e) {
      fail('E_FLOW_NOT_JSON', { detail: notJsonDetail(e, input) });
    }
  }
  checkShape(raw, 0, []);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) fail('E_FLOW_INVALID', { path: '$', detail: 'expected a JSON object' });
  const doc = raw as Record<string, unknown>;
  if (doc.format !== FLOW_FORMAT) {
    fail('E_FLOW_INVALID', { path: '$.format', detail: `expected "${FLOW_FORMAT}", found ${JSON.stringify(doc.format) ?? 'nothing'}` });
  }
  const migrated = migrateFlow(doc);
  const blocks = migrated.blocks;
  if (Array.isArray(blocks)) {
    blocks.forEach((b: unknown, i) => {
      const kind = b !== null && typeof b === 'object' ? (b as Record<string, unknown>).kind : undefined;
      if (typeof kind === 'string' && !isBlockKind(kind)) {
        fail('E_UNKNOWN_BLOCK_KIND', { kind, path: jsonPath(['blocks', i, 'kind']), known: blockKinds.join(', ') });
      }
    });
  }
  const parsed = flowSchema.safeParse(migrated, { error: blockSettingsErrors(migrated) });
  if (!parsed.success) throw firstIssue(parsed.error);
  return parsed.data as FlowDocument;
}

/** The flow as saved: stable key order from the schema, two-space indent, a final newline. */
export function serializeFlow(flow: FlowDocument): string {
  return `${JSON.stringify(flow, null, 2)}\n`;
}
