import { fail } from '../errors/catalog';

/**
 * A lexical check that user text placed inside `( … )` stays inside it: quotes and comments are closed, parentheses
 * balance and never dip below zero, and no `;` ends the statement. It does not judge which functions are called;
 * the engine's sandbox does that. It only makes sure the text is one fragment, so it cannot rewrite the query around it.
 */
export function checkSingleFragment(text: string, onError: (detail: string) => never): void {
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    const next = text[i + 1];
    if (ch === "'" || ch === '"') {
      const close = findClosingQuote(text, i, ch);
      if (close < 0) onError(`unterminated ${ch === "'" ? 'string' : 'quoted name'} starting at position ${i + 1}`);
      i = close + 1;
      continue;
    }
    if (ch === '-' && next === '-') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end + 1;
      continue;
    }
    if (ch === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) onError(`unterminated comment starting at position ${i + 1}`);
      i = end + 2;
      continue;
    }
    if (ch === '(') depth++;
    if (ch === ')') {
      depth--;
      if (depth < 0) onError(`unbalanced ")" at position ${i + 1}`);
    }
    if (ch === ';') onError(`";" at position ${i + 1} would end the statement`);
    i++;
  }
  if (depth > 0) onError(`${depth} unclosed "("`);
  if (text.trim() === '') onError('it is empty');
}

function findClosingQuote(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) {
        i += 2; // a doubled quote is an escaped quote
        continue;
      }
      return i;
    }
    i++;
  }
  return -1;
}

/** Wraps a checked expression so that a trailing `--` comment cannot swallow the closing parenthesis. */
export function wrapExpression(expr: string): string {
  return `(\n${expr}\n)`;
}

/** Checks a formula-like expression, failing with the given code. */
export function guardExpression(expr: string, code: 'E_FORMULA_SYNTAX' | 'E_SQL_INVALID', column: string): string {
  checkSingleFragment(expr, (detail) => fail(code, { column, detail }));
  return wrapExpression(expr);
}
