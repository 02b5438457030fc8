import { WrangleError, type ErrorSpan } from '../errors/catalog';
import { explainSyntaxError, type Explained } from './engine-error-words';
import type { SqlRunner } from './sql-runner';
import { CATALOG_REASON, isCatalogName, refusedFunctionReason } from './sql-policy';
import type { SqlName, SqlOutline } from './sql-outline';

/**
 * SQL a user wrote, placed inside a block's compiled SELECT. The executor has the engine's own parser check it
 * (checkUserSql) before the SELECT runs.
 */
export type UserSql =
  | {
      /** One value per row: a formula, a filter condition. */
      as: 'expression';
      text: string;
      /** How errors name it: `Formula for "y"`, `Filter condition`. */
      what: string;
      /** The block param that holds the text (`expression`), which the form underlines. */
      param: string;
    }
  | {
      /** One query over the named tables (the sql block's input ports). */
      as: 'query';
      text: string;
      tables: readonly string[];
      param: string;
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
    const explained: Explained = { sentence: 'It holds a NUL character, which no SQL text has: remove it.', range: { from: nul, to: nul + 1 }, syntax: true };
    throw syntaxError(sql, explained);
  }
  if (sql.as === 'expression') await checkExpression(runner, sql);
  else await checkQuery(runner, sql);
  seen.add(key);
}

/** The range of an explained error as the span a form underlines. */
export function spanOf(sql: { param: string; text: string }, explained: Explained): ErrorSpan | undefined {
  return explained.range && { param: sql.param, text: sql.text, from: explained.range.from, to: explained.range.to };
}

function syntaxError(sql: UserSql, explained: Explained): WrangleError {
  const span = spanOf(sql, explained);
  return sql.as === 'expression'
    ? new WrangleError('E_FORMULA_SYNTAX', { what: sql.what, detail: explained.sentence }, undefined, span)
    : new WrangleError('E_SQL_INVALID', { what: 'Query', detail: explained.sentence }, undefined, span);
}

/** The parser's error on a probe, explained in the user's words at its place in the user's text. */
function explainProbe(o: Extract<SqlOutline, { ok: false }>, probe: string, prefix: string, sql: UserSql): Explained {
  const message = o.message.replace(/^Parser Error:\s*/i, '').split('\n')[0]!;
  const at = o.position === undefined ? undefined : userIndex(o.position, prefix.length, sql.text);
  return explainSyntaxError(message, at, { text: sql.text, noun: sql.as === 'query' ? 'query' : nounOf(sql.what), columns: [] });
}

/** `Filter condition` → condition; a formula's text is an expression. */
function nounOf(what: string): string {
  return /condition/i.test(what) ? 'condition' : 'expression';
}

async function checkExpression(runner: SqlRunner, sql: Extract<UserSql, { as: 'expression' }>): Promise<void> {
  const alone = `${EXPRESSION_ALONE}${sql.text}\n`;
  const aloneOutline = await runner.outline(alone);
  if (!aloneOutline.ok && isParserError(aloneOutline)) throw syntaxError(sql, explainProbe(aloneOutline, alone, EXPRESSION_ALONE, sql));
  const probe = `${EXPRESSION_WRAPPED}${sql.text}\n)`;
  const wrapped = await runner.outline(probe);
  if (!wrapped.ok) {
    if (isParserError(wrapped)) throw syntaxError(sql, explainProbe(wrapped, probe, EXPRESSION_WRAPPED, sql));
    throw new Error(wrapped.message);
  }
  judge(wrapped, probe, EXPRESSION_WRAPPED.length, sql, sql.what, []);
}

async function checkQuery(runner: SqlRunner, sql: Extract<UserSql, { as: 'query' }>): Promise<void> {
  const alone = await runner.outline(sql.text);
  if (!alone.ok && isParserError(alone)) throw syntaxError(sql, explainProbe(alone, sql.text, '', sql));
  const probe = `${QUERY_WRAPPED}${sql.text}\n)`;
  const wrapped = await runner.outline(probe);
  if (!wrapped.ok) {
    if (!isParserError(wrapped)) throw new Error(wrapped.message);
    // One statement that does not parse as a subquery: COPY, ATTACH, SET, PRAGMA, INSTALL…
    const explained = explainProbe(wrapped, probe, QUERY_WRAPPED, sql);
    const where = explained.range ? ` (${describeRange(sql.text, explained.range.from)})` : '';
    const detail = `it is not a query (SELECT, WITH, FROM or VALUES) that can be read as a table${where}`;
    throw new WrangleError('E_SQL_NOT_SELECT', { detail }, undefined, spanOf(sql, explained));
  }
  judge(wrapped, probe, QUERY_WRAPPED.length, sql, 'The query', sql.tables);
}

function isParserError(o: Extract<SqlOutline, { ok: false }>): boolean {
  return /^Parser Error/i.test(o.message);
}

/** `line 2, column 5` for a multi-line text, `position 5` for one line; counted from 1. */
function describeRange(text: string, at: number): string {
  const before = text.slice(0, at);
  const line = before.split(/\r\n|\r|\n/).length;
  return line === 1 ? `position ${at + 1}` : `line ${line}, column ${at - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'))}`;
}

/** A probe's parser position (from 0) as an index into the user's text; the probe's own closing text counts as its end. */
function userIndex(probePosition: number, prefixLength: number, text: string): number {
  return Math.min(Math.max(probePosition - prefixLength, 0), text.length);
}

function judge(outline: Extract<SqlOutline, { ok: true }>, probe: string, prefixLength: number, sql: UserSql, setting: string, tables: readonly string[]): void {
  const index = (n: SqlName) => userIndex(n.position, prefixLength, sql.text);
  const refuse = (n: SqlName, what: string, reason: string): never => {
    const from = index(n);
    const span = spanOf(sql, { sentence: '', range: { from, to: Math.min(sql.text.length, from + Math.max(1, n.name.length)) }, syntax: false });
    throw new WrangleError('E_SQL_REFUSED', { setting, what, name: n.name, position: from + 1, reason }, undefined, span);
  };
  const first = (xs: SqlName[]) => [...xs].sort((a, b) => a.position - b.position)[0];
  const call = first(outline.calls.filter((c) => refusedFunctionReason(c.name) !== undefined));
  if (call) refuse(call, 'calls', refusedFunctionReason(call.name)!);
  const catalog = first([...outline.names, ...outline.relations].filter((n) => n.name.split('.').some(isCatalogName)));
  if (catalog) refuse(catalog, 'names', CATALOG_REASON);
  const allowed = new Set(tables.map((t) => t.toLowerCase()));
  const foreign = first(outline.relations.filter((r) => !allowed.has(r.name.toLowerCase())));
  if (foreign) {
    const reason =
      tables.length === 0
        ? 'an expression reads no tables; compute over the columns of the row'
        : `a query reads only its inputs (${tables.join(', ')})${/[./\\:]/.test(foreign.name) ? ', and this is a file or a qualified name' : ''}`;
    refuse(foreign, 'reads', reason);
  }
}
