import { TranslationError, type Expr } from './ast';
import type { TranslationNotes } from './notes';

/* What every Spark function translation works with: the call's arguments, their count, and literal arguments. */

/** A Spark function call being translated: its arguments as DuckDB SQL and as trees (for literal arguments). */
export interface CallArgs {
  name: string;
  sql: string[];
  raw: Expr[];
  distinct: boolean;
  notes: TranslationNotes;
}

export type Translate = (a: CallArgs) => string;

export function arity(a: CallArgs, min: number, max = min): void {
  if (a.raw.length < min || a.raw.length > max) {
    const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    throw new TranslationError(`${a.name}() takes ${expected} argument${max === 1 ? '' : 's'}, got ${a.raw.length}`);
  }
}

/** A literal string argument (a date pattern, a regex), which must be written out in the code. */
export function literalText(a: CallArgs, i: number, what: string): string {
  const e = a.raw[i];
  if (e?.t !== 'str') throw new TranslationError(`${a.name}(): the ${what} must be a literal string`);
  return e.value;
}

export function literalInt(e: Expr | undefined): number | undefined {
  if (e?.t === 'num' && /^\d+$/.test(e.text)) return Number(e.text);
  if (e?.t === 'unary' && e.op === '-' && e.e.t === 'num' && /^\d+$/.test(e.e.text)) return -Number(e.e.text);
  return undefined;
}

export const text = (sql: string) => `CAST(${sql} AS VARCHAR)`;

export function nondeterministic(duck: string, note?: string): Translate {
  return (a) => {
    a.notes.nondeterministic.add(`${a.name}()`);
    if (note && a.sql.length > 0) a.notes.approximations.add(note);
    return duck;
  };
}
