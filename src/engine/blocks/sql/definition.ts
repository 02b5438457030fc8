import { z } from 'zod';
import { fail, WrangleError } from '../../errors/catalog';
import { checkSingleFragment } from '../../sql/expression-guard';
import { quoteIdent } from '../../sql/quote';
import { defineBlock, SINGLE_OUT } from '../types';

/** A port name doubles as the table name the query reads, so it must be a plain SQL identifier. */
const tableName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,31}$/, 'a letter or _, then letters, digits or _ (at most 32)');

const params = z
  .object({
    /** One SELECT over the inputs, e.g. `SELECT userId, avg(Rating) AS r FROM df GROUP BY userId`. */
    query: z.string().min(1),
    /** Input port names; each is a table the query can read. */
    inputs: z
      .array(tableName)
      .min(1)
      .max(4)
      .default(['df'])
      // DuckDB folds unquoted names to one case, so `df` and `DF` would be the same table.
      .refine((xs) => new Set(xs.map((x) => x.toLowerCase())).size === xs.length, 'input names must be different'),
  })
  .strict();

export type SqlParams = z.infer<typeof params>;

/** Leading whitespace and comments, which may come before the first keyword. */
const LEADING_NOISE = /^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/;

/** Refuses text that is not a query (COPY, ATTACH, SET, PRAGMA, INSTALL…) before the parser sees it. */
function checkStartsAsQuery(query: string): void {
  const rest = query.replace(LEADING_NOISE, '');
  if (rest === '') fail('E_SQL_INVALID', { detail: 'there is no query, only comments' });
  if (rest.startsWith('(') || /^(SELECT|WITH|FROM|VALUES)\b/i.test(rest)) return;
  const first = /^[^\s(]*/.exec(rest)?.[0] ?? '';
  fail('E_SQL_NOT_SELECT', { detail: `it starts with "${first.slice(0, 20)}", not SELECT, WITH, FROM or VALUES` });
}

export const sqlBlock = defineBlock({
  kind: 'sql',
  family: 'transform',
  title: 'Custom SQL',
  description: 'Runs one SELECT of your own over the inputs; each input port is a table the query can read by name.',
  params,
  inputs: (p) => p.inputs,
  outputs: () => SINGLE_OUT,
  compile({ params: p, inputs }) {
    // The user text sits inside `( … )`: it must stay one fragment, so it cannot close the parenthesis or add a statement.
    checkSingleFragment(p.query, (detail) => fail('E_SQL_INVALID', { detail }));
    checkStartsAsQuery(p.query);
    const tables = p.inputs.map((name) => `${quoteIdent(name)} AS (SELECT * FROM ${inputs[name]!.ref})`);
    // Newlines around the query so that a trailing `--` comment cannot swallow the closing parenthesis.
    return { select: `WITH ${tables.join(', ')} SELECT * FROM (\n${p.query}\n)` };
  },
  explainError(message) {
    if (/^(Parser|Binder|Catalog) Error/i.test(message)) {
      return new WrangleError('E_SQL_INVALID', { detail: message });
    }
    return undefined;
  },
});
