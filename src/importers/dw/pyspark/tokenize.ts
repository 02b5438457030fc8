import { TranslationError } from '../expr/ast';

export type PyToken =
  | { k: 'name'; v: string; line: number }
  | { k: 'num'; v: string; line: number }
  | { k: 'str'; v: string; line: number }
  | { k: 'op'; v: string; line: number }
  | { k: 'newline'; v: ''; line: number }
  | { k: 'end'; v: ''; line: number };

const OPERATORS = ['**=', '//=', '->', '**', '//', '==', '!=', '<=', '>=', '+=', '-=', '*=', '/=', '(', ')', '[', ']', '{', '}', ',', ':', '.', '=', '+', '-', '*', '/', '%', '&', '|', '~', '^', '<', '>', '@'];
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', '\\': '\\', "'": "'", '"': '"', '\n': '' };

function readString(src: string, start: number, line: number): { value: string; end: number } {
  const prefix = /^[rRbBuUfF]*/.exec(src.slice(start))![0];
  if (/[fF]/.test(prefix)) throw new TranslationError(`line ${line}: f-strings are not translated`);
  const raw = /[rR]/.test(prefix);
  let i = start + prefix.length;
  const quote = src.startsWith(src[i]!.repeat(3), i) ? src[i]!.repeat(3) : src[i]!;
  i += quote.length;
  let value = '';
  while (i < src.length && !src.startsWith(quote, i)) {
    const ch = src[i]!;
    if (ch === '\n' && quote.length === 1) break;
    if (ch === '\\' && !raw && i + 1 < src.length) {
      const next = src[i + 1]!;
      value += ESCAPES[next] ?? `\\${next}`;
      i += 2;
      continue;
    }
    value += ch;
    i++;
  }
  if (!src.startsWith(quote, i)) throw new TranslationError(`line ${line}: unterminated string`);
  return { value, end: i + quote.length };
}

/**
 * Tokens of the Python a custom PySpark step is written in. Newlines inside brackets are ignored, as in Python; a
 * statement that starts indented (the body of a def, for or if) is refused, since only straight-line code is translated.
 */
export function tokenizePython(src: string): PyToken[] {
  const tokens: PyToken[] = [];
  let depth = 0;
  let line = 1;
  let atLineStart = true;
  let i = 0;
  const newline = () => {
    if (depth === 0 && tokens.length > 0 && tokens[tokens.length - 1]!.k !== 'newline') tokens.push({ k: 'newline', v: '', line });
  };
  while (i < src.length) {
    const ch = src[i]!;
    if (atLineStart && depth === 0) {
      const indent = /^[ \t]*/.exec(src.slice(i))![0];
      const rest = src[i + indent.length];
      if (indent.length > 0 && rest !== undefined && rest !== '\n' && rest !== '#' && rest !== '\r') {
        throw new TranslationError(`line ${line}: indented code (a def, for, if or with block) is not translated`);
      }
      atLineStart = false;
    }
    if (ch === '\n') {
      newline();
      line++;
      i++;
      atLineStart = true;
      continue;
    }
    if (ch === '\\' && src[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (/['"]/.test(ch) || (/[rRbBuUfF]/.test(ch) && /^[rRbBuUfF]{1,2}['"]/.test(src.slice(i, i + 3)))) {
      const { value, end } = readString(src, i, line);
      line += src.slice(i, end).split('\n').length - 1;
      tokens.push({ k: 'str', v: value, line });
      i = end;
      continue;
    }
    const number = /^(\d[\d_]*\.?[\d_]*|\.\d[\d_]*)([eE][+-]?\d+)?/.exec(src.slice(i));
    if (number) {
      tokens.push({ k: 'num', v: number[0].replaceAll('_', ''), line });
      i += number[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (word) {
      tokens.push({ k: 'name', v: word[0], line });
      i += word[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (!op) throw new TranslationError(`line ${line}: unexpected character ${JSON.stringify(ch)}`);
    if ('([{'.includes(op)) depth++;
    if (')]}'.includes(op)) depth = Math.max(0, depth - 1);
    tokens.push({ k: 'op', v: op, line });
    i += op.length;
  }
  newline();
  tokens.push({ k: 'end', v: '', line });
  return tokens;
}
