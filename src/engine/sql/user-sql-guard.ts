import { fail } from '../errors/catalog';
import type { SqlRunner } from './sql-runner';
import { CATALOG_REASON, isCatalogName, refusedFunctionReason } from './sql-policy';
import type { SqlName, SqlOutline } from './sql-outline';

/**
 * SQL a user wrote, placed inside a block's compiled SELECT. The executor has the engine's own parser check it
 * (checkUserSql) before the SELECT runs.
 */
export type UserSql =
  | {
      /** One value per row: a formula, a filter condition. Errors name it as a formula for `label`. */
      as: 'expression';
      text: string;
      label: string;
    }
  | {
      /** One query over the named tables (the sql block's input ports). */
      as: 'query';
      text: string;
      tables: readonly string[];
    };

/**
 * Each check parses the user's text inside a probe, the same text around it as in the compiled SELECT. Text that
 * parses alone as a statement (or, for an expression, as a select list) has balanced parentheses by the grammar,
 * so inside `( … )` it stays there; and only a query or an expression parses inside those parentheses.
 */
const EXPRESSION_ALONE = 'SELECT \n';
const EXPRESSION_WRAPPED = 'SELECT (\n';
const QUERY_WRAPPED = 'SELECT * FROM (\n';

/** Wraps a checked expression so that a trailing `--` comment cannot swallow the closing parenthesis. */
export function wrapExpression(text: string): string {
  return `(\n${text}\n)`;
}

/** Wraps a checked query as a subquery, for the same reason. */
export function wrapQuery(text: string): string {
  return `(\n${text}\n)`;
}

/** Checks that passed, per runner: the studio runs the same flow again on every edit. */
const passed = new WeakMap<SqlRunner, Set<string>>();

/**
 * Refuses user SQL that is not one expression (or one query over its inputs), or that calls a function or names a
 * table a flow may not use. Throws a WrangleError with the position in the user's text, or the engine's own error
 * (a function that does not exist) for the block to explain.
 */
export async function checkUserSql(runner: SqlRunner, sql: UserSql): Promise<void> {
  const key = JSON.stringify(sql);
  const seen = passed.get(runner) ?? new Set<string>();
  passed.set(runner, seen);
  if (seen.has(key)) return;
  // Hosts pass text to the wasm engine as a C string, which a NUL would cut short: refused the same everywhere.
  const nul = sql.text.indexOf('\u0000');
  if (nul >= 0) {
    const detail = `a NUL character (position ${nul + 1})`;
    if (sql.as === 'expression') fail('E_FORMULA_SYNTAX', { column: sql.label, detail });
    fail('E_SQL_INVALID', { detail });
  }
  if (sql.as === 'expression') await checkExpression(runner, sql.text, sql.label);
  else await checkQuery(runner, sql.text, sql.tables);
  seen.add(key);
}

async function checkExpression(runner: SqlRunner, text: string, label: string): Promise<void> {
  const syntax = (o: Extract<SqlOutline, { ok: false }>, prefix: string) =>
    fail('E_FORMULA_SYNTAX', { column: label, detail: describeParserError(o, prefix, text) });
  const alone = await runner.outline(`${EXPRESSION_ALONE}${text}\n`);
  if (!alone.ok && isParserError(alone)) syntax(alone, EXPRESSION_ALONE);
  const wrapped = await runner.outline(`${EXPRESSION_WRAPPED}${text}\n)`);
  if (!wrapped.ok) {
    if (isParserError(wrapped)) syntax(wrapped, EXPRESSION_WRAPPED);
    throw new Error(wrapped.message);
  }
  judge(wrapped, EXPRESSION_WRAPPED.length, text, `Formula for "${label}"`, []);
}

async function checkQuery(runner: SqlRunner, text: string, tables: readonly string[]): Promise<void> {
  const alone = await runner.outline(text);
  if (!alone.ok && isParserError(alone)) fail('E_SQL_INVALID', { detail: describeParserError(alone, '', text) });
  const wrapped = await runner.outline(`${QUERY_WRAPPED}${text}\n)`);
  if (!wrapped.ok) {
    if (!isParserError(wrapped)) throw new Error(wrapped.message);
    // One statement that does not parse as a subquery: COPY, ATTACH, SET, PRAGMA, INSTALL…
    const where = describeParserError(wrapped, QUERY_WRAPPED, text);
    fail('E_SQL_NOT_SELECT', { detail: `it is not a query (SELECT, WITH, FROM or VALUES) that can be read as a table; ${where}` });
  }
  judge(wrapped, QUERY_WRAPPED.length, text, 'The query', tables);
}

function isParserError(o: Extract<SqlOutline, { ok: false }>): boolean {
  return /^Parser Error/i.test(o.message);
}

/** `syntax error at or near ")" (position 7)`, the position counted in the user's text from 1. */
function describeParserError(o: Extract<SqlOutline, { ok: false }>, prefix: string, text: string): string {
  const message = o.message.replace(/^Parser Error:\s*/i, '');
  if (o.position === undefined) return message;
  return `${message} (position ${userPosition(o.position, prefix.length, text)})`;
}

/** A probe position as a 1-based position in the user's text; the probe's own closing text counts as its end. */
function userPosition(probePosition: number, prefixLength: number, text: string): number {
  return Math.min(Math.max(probePosition - prefixLength, 0), text.length) + 1;
}

function judge(outline: Extract<SqlOutline, { ok: true }>, prefixLength: number, text: string, setting: string, tables: readonly string[]): void {
  const at = (n: SqlName) => userPosition(n.position, prefixLength, text);
  const first = (xs: SqlName[]) => [...xs].sort((a, b) => a.position - b.position)[0];
  const call = first(outline.calls.filter((c) => refusedFunctionReason(c.name) !== undefined));
  if (call) fail('E_SQL_REFUSED', { setting, what: 'calls', name: call.name, position: at(call), reason: refusedFunctionReason(call.name)! });
  const catalog = first([...outline.names, ...outline.relations].filter((n) => n.name.split('.').some(isCatalogName)));
  if (catalog) fail('E_SQL_REFUSED', { setting, what: 'names', name: catalog.name, position: at(catalog), reason: CATALOG_REASON });
  const allowed = new Set(tables.map((t) => t.toLowerCase()));
  const foreign = first(outline.relations.filter((r) => !allowed.has(r.name.toLowerCase())));
  if (foreign) {
    const reason =
      tables.length === 0
        ? 'an expression reads no tables; compute over the columns of the row'
        : `a query reads only its inputs (${tables.join(', ')})${/[./\\:]/.test(foreign.name) ? ', and this is a file or a qualified name' : ''}`;
    fail('E_SQL_REFUSED', { setting, what: 'reads', name: foreign.name, position: at(foreign), reason });
  }
}
