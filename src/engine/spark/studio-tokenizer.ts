import { NotTranslatable } from './duckdb-to-spark';

/**
 * The studio parser's tokenizer: DuckDB's tokens for the expression grammar studio-expression-parser.ts reads, each
 * with its UTF-8 byte offset, since DuckDB's query_location (and so every refusal's position) counts bytes.
 */

export const STUDIO_ONLY =
  'the studio reads user SQL without DuckDB’s json_serialize_sql, which duckdb-wasm lacks offline; `wrangle pyspark` reads the flow with DuckDB’s own parser';

export interface Token {
  kind: 'number' | 'string' | 'word' | 'quoted' | 'op' | 'end';
  text: string;
  /** For words, the text upper-cased (keywords); for strings and quoted names, the value. */
  value: string;
  /** UTF-8 byte offset in the parsed text, as DuckDB's query_location. */
  at: number;
  /** Index in the parsed text. */
  index: number;
}

/** Longest first: a token is the first of these the text starts with. */
const OPERATORS = ['::', ':=', '<=', '>=', '<>', '!=', '==', '||', '//', '+', '-', '*', '/', '%', '^', '(', ')', '{', '}', ':', ',', '.', '=', '<', '>'];

function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

export function tokenize(text: string, from: number): Token[] {
  const tokens: Token[] = [];
  let i = from;
  let bytes = utf8Length(text.slice(0, from));
  const push = (kind: Token['kind'], raw: string, value = raw) => {
    tokens.push({ kind, text: raw, value, at: bytes, index: i });
  };
  while (i < text.length) {
    const rest = text.slice(i);
    const space = /^(\s+|--[^\n]*|\/\*[\s\S]*?\*\/)/.exec(rest);
    const number = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(rest);
    const word = /^[\p{L}_][\p{L}\p{N}_$]*/u.exec(rest);
    let raw: string;
    if (space) raw = space[0];
    else if (number) push('number', (raw = number[0]));
    else if (word) push('word', (raw = word[0]), word[0].toUpperCase());
    else if (rest.startsWith("'") || rest.startsWith('"')) {
      const quote = rest[0]!;
      let end = 1;
      let value = '';
      for (;;) {
        const close = rest.indexOf(quote, end);
        if (close < 0) throw new NotTranslatable('an unclosed quote', i - from);
        value += rest.slice(end, close);
        if (rest[close + 1] !== quote) {
          end = close + 1;
          break;
        }
        value += quote;
        end = close + 2;
      }
      push(quote === "'" ? 'string' : 'quoted', (raw = rest.slice(0, end)), value);
    } else {
      const op = OPERATORS.find((o) => rest.startsWith(o));
      if (!op) throw new NotTranslatable(`the character ${JSON.stringify(rest[0])}`, i - from, STUDIO_ONLY);
      push('op', (raw = op));
    }
    i += raw.length;
    bytes += utf8Length(raw);
  }
  tokens.push({ kind: 'end', text: '', value: '', at: bytes, index: i });
  return tokens;
}
