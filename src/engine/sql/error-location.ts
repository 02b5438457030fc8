/**
 * Where in a user's expression or query DuckDB's error points. The compiled SQL wraps the user's text as `(\n…\n)`,
 * so DuckDB's `LINE n:` context counts lines of the compiled statement and its caret counts columns of a line it may
 * have cut to 80 characters (`...` on either side). Both become offsets (UTF-16, as JavaScript strings index) in the user's own text.
 */

/** A range of the user's text, 0-based, `to` exclusive. */
export interface TextRange {
  from: number;
  to: number;
}

/** The compiled statement's line that holds the first line of the user's text (after the `(\n` of the wrapper). */
const FIRST_USER_LINE = 2;

/** The user's text split as DuckDB counts lines: every `\r` and every `\n` ends one. */
function lines(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n' || text[i] === '\r') {
      out.push({ text: text.slice(start, i), start });
      start = i + 1;
    }
  }
  return out;
}

/** The offset DuckDB's `LINE n: …` context and caret point at in the user's text, or undefined when outside it. */
export function caretOffset(message: string, text: string): number | undefined {
  const m = /\nLINE (\d+): ([^\n]*)\n( *)\^/.exec(message);
  if (!m) return undefined;
  const shown = m[2]!;
  const cutStart = shown.startsWith('...');
  const body = (cutStart ? shown.slice(3) : shown).replace(/\.\.\.$/, '');
  const userLines = lines(text);
  // The line DuckDB names, if the wrapper put the user's text where expected; else the one line that shows its text.
  const named = userLines[Number(m[1]) - FIRST_USER_LINE];
  const fits = (l: { text: string }) => (cutStart ? l.text.includes(body) : l.text.startsWith(body));
  const matching = userLines.filter(fits);
  const line = named && fits(named) ? named : matching.length === 1 ? matching[0] : undefined;
  if (!line) return undefined;
  const column = m[3]!.length - `LINE ${m[1]}: `.length - (cutStart ? 3 : 0);
  const bodyStart = cutStart ? line.text.indexOf(body) : 0;
  return line.start + Math.min(Math.max(bodyStart + columnToIndex(line.text.slice(bodyStart), column), 0), line.text.length);
}

/** A caret column (in rendered characters: one per code point, two for wide East Asian ones) as a string index. */
function columnToIndex(text: string, column: number): number {
  let width = 0;
  let index = 0;
  for (const ch of text) {
    if (width >= column) break;
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) || ch.codePointAt(0)! >= 0x1f300 ? 2 : 1;
    index += ch.length;
  }
  return index;
}

/** The token starting at `at`: a quoted name or string through its closing quote, a word, or one character. */
export function tokenAt(text: string, at: number): TextRange {
  const first = text[at];
  if (first === undefined) return { from: Math.max(0, text.length - 1), to: text.length };
  if (first === '"' || first === "'") {
    let i = at + 1;
    while (i < text.length) {
      if (text[i] === first) {
        if (text[i + 1] === first) i += 2;
        else return { from: at, to: i + 1 };
      } else i++;
    }
    return { from: at, to: text.length };
  }
  const word = /^[\p{L}\p{N}_$]+/u.exec(text.slice(at));
  return { from: at, to: at + (word ? word[0].length : 1) };
}

/** The last token of the text (for "ends too early after `+`"), ignoring trailing blanks and a trailing comment. */
export function lastToken(text: string): TextRange | undefined {
  const code = text.replace(/--[^\n\r]*$/, '').trimEnd();
  if (code === '') return undefined;
  const word = /[\p{L}\p{N}_$]+$/u.exec(code);
  if (word) return { from: word.index, to: code.length };
  const quoted = /("(?:[^"]|"")*"|'(?:[^']|'')*')$/.exec(code);
  if (quoted) return { from: quoted.index, to: code.length };
  const symbols = /[^\s\p{L}\p{N}_$'"]+$/u.exec(code);
  return symbols ? { from: symbols.index, to: code.length } : { from: code.length - 1, to: code.length };
}

/** Where a name appears in the text as a whole word (or quoted), for errors that carry no caret. */
export function findName(text: string, name: string): TextRange | undefined {
  const quoted = `"${name.replace(/"/g, '""')}"`;
  const q = text.indexOf(quoted);
  if (q >= 0) return { from: q, to: q + quoted.length };
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`(?<![\\p{L}\\p{N}_$])${escaped}(?![\\p{L}\\p{N}_$])`, 'iu').exec(text);
  return m ? { from: m.index, to: m.index + m[0].length } : undefined;
}
