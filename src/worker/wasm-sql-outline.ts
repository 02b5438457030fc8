import { charIndexOfUtf8Offset, NOT_ONE_STATEMENT, type SqlName, type SqlOutline } from '../engine/sql/sql-outline';
import { refusedFunctionReason } from '../engine/sql/sql-policy';
import { SqlTokenKind, type WasmDatabase } from './wasm-database';

/**
 * The studio's outline of a SQL text. duckdb-wasm offline has no json extension, so no `json_serialize_sql`; it has
 * DuckDB's own scanner (`tokenize`) and its parser with the name-extracting binder (`getTableNames`). Calls and
 * names come from the scanner's tokens: a word right before `(` is a call, whatever quoting, case or comments
 * surround it, because the scanner decided where each token starts. Syntax, the statement count and the tables
 * read come from the parser. The parser binds table functions, so refused calls are renamed to an inert word of the
 * same length before the text reaches it: the parse is the same, and nothing refused is bound.
 */

interface Token {
  kind: number;
  /** Index of the token's first character in the text. */
  start: number;
  /** The token's own text, without the space and comments after it. */
  raw: string;
  /** For words and strings, the value: an identifier unquoted, a string literal decoded. */
  value: string;
}

export async function wasmOutline(db: WasmDatabase, sql: string): Promise<SqlOutline> {
  const tokens = await scan(db, sql);
  const callAt = new Set<number>();
  const calls: SqlName[] = [];
  tokens.forEach((t, i) => {
    const next = tokens[i + 1];
    if (!next || next.kind !== SqlTokenKind.OPERATOR || next.raw !== '(' || !isWord(t)) return;
    const before = tokens[i - 1];
    // `AS t(a, b)` names columns, and `x GLOB (…)` is the operator: neither calls anything.
    if (before && isWord(before) && before.value.toLowerCase() === 'as') return;
    if (t.value.toLowerCase() === 'glob' && before && isOperand(before)) return;
    callAt.add(i);
    // A qualified call (`main.f(…)`, or `x.f()` on a value) is placed at its first part, as the parser places it.
    calls.push({ name: t.value.toLowerCase(), position: qualifiedStart(tokens, i).start });
  });
  const names = tokens
    .filter((t, i) => !callAt.has(i) && (isWord(t) || t.kind === SqlTokenKind.STRING_CONSTANT))
    .map((t) => ({ name: t.value, position: t.start }));
  const refused = [...callAt].filter((i) => refusedFunctionReason(tokens[i]!.value) !== undefined);
  const neutral = neutralize(sql, refused.map((i) => tokens[i]!));
  let tables: string[];
  try {
    tables = await db.tableNames(neutral);
  } catch (e) {
    const failure = engineFailure(e, neutral);
    if (failure.message.startsWith('Parser Error') || refused.length === 0) return failure;
    // The text parses; the parser only stumbled on the renamed calls, which the policy refuses anyway.
    return { ok: true, calls, names, relations: [] };
  }
  return { ok: true, calls, names, relations: tables.map((name) => locateRelation(name, tokens, callAt)) };
}

async function scan(db: WasmDatabase, sql: string): Promise<Token[]> {
  const { offsets, types } = await db.tokenize(sql);
  const starts = offsets.map((o) => charIndexOfUtf8Offset(sql, o));
  return starts.flatMap((start, i) => {
    const kind = types[i]!;
    if (kind === SqlTokenKind.COMMENT) return [];
    const raw = tokenText(sql, start, kind, starts[i + 1] ?? sql.length);
    return [{ kind, start, raw, value: tokenValue(raw, kind) }];
  });
}

const WORD_CHAR = /[\p{L}\p{N}_$]/u;

/** The token's own characters: the scanner says where it starts, its kind says where it ends. */
function tokenText(sql: string, start: number, kind: number, limit: number): string {
  const rest = sql.slice(start, limit);
  if (kind === SqlTokenKind.STRING_CONSTANT) return rest.slice(0, quotedEnd(rest));
  if (kind === SqlTokenKind.IDENTIFIER && rest.startsWith('"')) return rest.slice(0, closingQuote(rest, 0, '"', false) + 1);
  let end = 0;
  while (end < rest.length && WORD_CHAR.test(rest[end]!)) end++;
  if (end > 0) return rest.slice(0, end);
  return rest.trim().startsWith('(') ? '(' : (rest.trim().split(/\s/)[0] ?? '');
}

/** The end of a string literal that starts `rest`: '…', E'…' (backslash escapes) or $tag$…$tag$. */
function quotedEnd(rest: string): number {
  if (rest.startsWith('$')) {
    const tag = rest.slice(0, rest.indexOf('$', 1) + 1);
    const close = rest.indexOf(tag, tag.length);
    return close < 0 ? rest.length : close + tag.length;
  }
  const open = rest.indexOf("'");
  if (open < 0) return rest.length;
  return closingQuote(rest, open, "'", open > 0 && /[eE]/.test(rest[open - 1]!)) + 1;
}

/** The index of the quote that closes the one at `open`: a doubled quote, or one after a backslash in E'…', is inside. */
function closingQuote(text: string, open: number, quote: string, backslashes: boolean): number {
  for (let i = open + 1; i < text.length; i++) {
    if (backslashes && text[i] === '\\') i++;
    else if (text[i] === quote) {
      if (text[i + 1] !== quote) return i;
      i++;
    }
  }
  return text.length - 1;
}

/** An identifier unquoted, a string literal decoded (plain, E'…' escapes and $tag$…$tag$); anything else as written. */
function tokenValue(raw: string, kind: number): string {
  if (kind === SqlTokenKind.IDENTIFIER && raw.startsWith('"')) return raw.slice(1, -1).replaceAll('""', '"');
  if (kind !== SqlTokenKind.STRING_CONSTANT) return raw;
  if (raw.startsWith('$')) {
    const tag = raw.slice(0, raw.indexOf('$', 1) + 1);
    return raw.slice(tag.length, raw.length - tag.length);
  }
  const open = raw.indexOf("'");
  const body = raw.slice(open + 1, -1);
  return open > 0 && /[eE]/.test(raw[open - 1]!) ? decodeEscapes(body) : body.replaceAll("''", "'");
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };

function decodeEscapes(body: string): string {
  return body
    .replace(/\\(x[0-9a-fA-F]{1,2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|.)/gs, (_, e: string) => {
      if (/^[xuU]/.test(e) && e.length > 1) return String.fromCodePoint(parseInt(e.slice(1), 16));
      if (/^[0-7]+$/.test(e)) return String.fromCodePoint(parseInt(e, 8));
      return SIMPLE_ESCAPES[e] ?? e;
    })
    .replaceAll("''", "'");
}

function isWord(t: Token): boolean {
  return (t.kind === SqlTokenKind.IDENTIFIER || t.kind === SqlTokenKind.KEYWORD) && t.value !== '' && (t.raw.startsWith('"') || WORD_CHAR.test(t.raw[0]!));
}

/**
 * DuckDB's reserved keywords (`duckdb_keywords()`, v1.4.3) that cannot end an operand. Any other word can (an
 * unreserved keyword such as `name` is a fine column name), and so `x GLOB (…)` after it is the operator.
 */
const NOT_AN_OPERAND = new Set(
  ('all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create default ' +
    'deferrable desc describe distinct do else except fetch for foreign from group having in initially intersect into ' +
    'lambda lateral leading limit not offset on only or order pivot pivot_longer pivot_wider placing primary qualify ' +
    'references returning select show some summarize symmetric table then to trailing union unique unpivot using ' +
    'variadic when where window with').split(' '),
);

/** A token that can end an operand, so that a following `glob (` is the operator, not a call. */
function isOperand(t: Token): boolean {
  if (t.kind === SqlTokenKind.NUMERIC_CONSTANT || t.kind === SqlTokenKind.STRING_CONSTANT) return true;
  if (t.kind === SqlTokenKind.OPERATOR) return t.raw === ')' || t.raw === ']';
  return isWord(t) && (t.raw.startsWith('"') || !NOT_AN_OPERAND.has(t.value.toLowerCase()));
}

/** The text with each refused call's name replaced by `z`s (inside its quotes, if quoted): same length, inert. */
function neutralize(sql: string, names: Token[]): string {
  let out = sql;
  for (const t of names) {
    const quoted = t.raw.startsWith('"');
    const from = t.start + (quoted ? 1 : 0);
    const length = t.raw.length - (quoted ? 2 : 0);
    out = out.slice(0, from) + 'z'.repeat(length) + out.slice(from + length);
  }
  return out;
}

/** The error duckdb-wasm's getTableNames threw, in the runners' shape: `Parser Error: …` and a position. */
function engineFailure(e: unknown, text: string): Extract<SqlOutline, { ok: false }> {
  const raw = e instanceof Error ? e.message : String(e);
  let parsed: { exception_type?: string; exception_message?: string; position?: string } = {};
  try {
    parsed = JSON.parse(raw) as typeof parsed;
  } catch {
    return { ok: false, message: raw };
  }
  const message = (parsed.exception_message ?? raw).split('\n')[0]!;
  if (/Expected a single statement/i.test(message)) return { ok: false, message: NOT_ONE_STATEMENT };
  const at = Number(parsed.position);
  return { ok: false, message: `${parsed.exception_type ?? 'Unknown'} Error: ${message}`, ...(parsed.position !== undefined && Number.isFinite(at) ? { position: charIndexOfUtf8Offset(text, at) } : {}) };
}

/** The first part of the dotted name that ends at token `i`. */
function qualifiedStart(tokens: Token[], i: number): Token {
  let j = i;
  while (j >= 2 && tokens[j - 1]!.raw === '.' && isWord(tokens[j - 2]!)) j -= 2;
  return tokens[j]!;
}

/** Where a table the parser reported is named, with its qualifier (`main.t`) when the text has one. */
function locateRelation(name: string, tokens: Token[], callAt: ReadonlySet<number>): SqlName {
  const i = tokens.findIndex((t, j) => !callAt.has(j) && (isWord(t) || t.kind === SqlTokenKind.STRING_CONSTANT) && t.value.toLowerCase() === name.toLowerCase());
  if (i < 0) return { name, position: 0 };
  const parts = [tokens[i]!];
  for (let j = i; j >= 2 && tokens[j - 1]!.raw === '.' && isWord(tokens[j - 2]!); j -= 2) parts.unshift(tokens[j - 2]!);
  return { name: parts.map((p) => p.value).join('.'), position: parts[0]!.start };
}
