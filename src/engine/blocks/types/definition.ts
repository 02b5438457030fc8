import { z } from 'zod';
import { fail } from '../../errors/catalog';
import { quoteIdent, quoteLiteral } from '../../sql/quote';
import { castType, castTypes, type CastType } from '../../sql/types';
import { isTextType, requireColumns } from '../columns';
import { defineBlock, SINGLE_IN, SINGLE_OUT, type Column } from '../contract';
import { convertWithFormat } from './conversion';
import { chooseFormat, formatAggregates, sampleValue } from './format-inference';
import { formatFor, targetType, typeOfFormat, type InferredFormat } from '../written-formats';

const params = z
  .object({
    /** A type per column, overriding the inferred one; `auto` (or no entry) uses the inferred type. */
    columns: z.record(z.string(), z.enum([...castTypes, 'auto'])).default({}),
    /**
     * A format per text column (`DD/MM/YYYY`, `HH:MM`, `hh:MM AM`, `currency`; see formats.ts), overriding the
     * inferred one. With the column's type on auto, the format decides it (a date format: DATE).
     */
    formats: z.record(z.string(), z.string()).default({}),
    /** A value that does not convert: `null` makes it NULL (TRY_CAST), `fail` stops the run. */
    onError: z.enum(['fail', 'null']).default('null'),
  })
  .strict();

const fitted = z
  .object({
    /** The inferred type of every input column. */
    schema: z.record(z.string(), castType),
    /** The format each text column not in ISO form was inferred to be written in (`DD/MM/YYYY`). */
    formats: z.record(z.string(), z.string()).optional(),
    /** Columns whose dates fit both day-first and month-first: read day-first, which the user should check. */
    ambiguous: z.array(z.string()).optional(),
  })
  .strict();

export type TypesFitted = z.infer<typeof fitted>;

/**
 * Text types to try, most specific first. DuckDB's casts are lenient (`'1.5'` casts to BIGINT 2, `'1'` to BOOLEAN
 * true, a timestamp to a DATE), so each value must also have the plain shape of its type. An integer with a leading
 * zero (`007`) is not a number at all: it is an identifier whose zeros matter, and stays text.
 */
const candidates: { type: CastType; shape: string }[] = [
  { type: 'BOOLEAN', shape: '(?i)(true|false|t|f|yes|no|y|n)' },
  { type: 'BIGINT', shape: '[+-]?(0|[1-9][0-9]*)' },
  { type: 'DOUBLE', shape: '[+-]?((0|[1-9][0-9]*)(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?' },
  { type: 'DATE', shape: '[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}' },
  { type: 'TIMESTAMP', shape: '[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([T ][0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?)?' },
];

/** Non-text types outside the cast list that widen into one of it without loss. */
const widening: Record<string, CastType> = {
  TINYINT: 'INTEGER',
  SMALLINT: 'INTEGER',
  UTINYINT: 'INTEGER',
  USMALLINT: 'INTEGER',
  UINTEGER: 'BIGINT',
  FLOAT: 'DOUBLE',
  TIMESTAMP_S: 'TIMESTAMP',
  TIMESTAMP_MS: 'TIMESTAMP',
};

/** The type a non-text column keeps: its own when castable, else the nearest one, else its text form. */
function keptType(type: string): CastType {
  const own = castTypes.find((t) => t === type.toUpperCase());
  if (own) return own;
  if (/^DECIMAL/i.test(type)) return 'DOUBLE';
  return widening[type.toUpperCase()] ?? 'VARCHAR';
}

/** One boolean aggregate per candidate: does every non-blank value of the column have that type? */
function inferenceAggregates(col: Column, i: number): string[] {
  const c = quoteIdent(col.name);
  const v = `trim(${c})`;
  return candidates.map(({ type, shape }) => {
    let fits = `regexp_full_match(${v}, ${quoteLiteral(shape)}) AND TRY_CAST(${v} AS ${type}) IS NOT NULL`;
    // A whole number too big for BIGINT is an identifier (a card or account number), not an approximate DOUBLE.
    if (type === 'DOUBLE') fits += ` AND (NOT regexp_full_match(${v}, '[+-]?[0-9]+') OR TRY_CAST(${v} AS BIGINT) IS NOT NULL)`;
    return `bool_and(${fits}) FILTER (WHERE ${v} <> '') AS ${quoteIdent(`c${i}_${type}`)}`;
  });
}

export const typesBlock = defineBlock({
  kind: 'types',
  family: 'clean',
  title: 'Infer and cast types',
  description: 'Infers the best type of every column (number, date, boolean, text) and casts to it; any column can be set by hand.',
  params,
  fitted,
  inputs: () => SINGLE_IN,
  outputs: () => SINGLE_OUT,
  async fit({ params: p, inputs, query }) {
    const input = inputs.in;
    requireColumns(input, [...Object.keys(p.columns), ...Object.keys(p.formats)]);
    const text = input.columns.map((col, i) => ({ col, i })).filter(({ col }) => isTextType(col.type));
    const aggregates = text.flatMap(({ col, i }) => [...inferenceAggregates(col, i), sampleValue(col.name, i)]);
    const row = text.length > 0 ? (await query(`SELECT ${aggregates.join(', ')} FROM ${input.ref}`))[0] : undefined;
    const inferred = (col: Column, i: number): CastType => {
      // An empty column (only NULLs and blanks) gives no evidence: it stays text.
      if (!isTextType(col.type)) return keptType(col.type);
      return candidates.find(({ type }) => row?.[`c${i}_${type}`] === true)?.type ?? 'VARCHAR';
    };
    const schema = Object.fromEntries(input.columns.map((col, i) => [col.name, inferred(col, i)]));
    // Text no plain type reads (28/01/2018, 2:05 PM, $1.50): the format it is written in, where every value has one.
    const unread = text.filter(({ col }) => schema[col.name] === 'VARCHAR' && p.formats[col.name] === undefined);
    const tests = unread.flatMap(({ col, i }) => (typeof row?.[`s${i}`] === 'string' ? formatAggregates(col.name, i, row[`s${i}`] as string) : []));
    const found = tests.length > 0 ? (await query(`SELECT ${tests.join(', ')} FROM ${input.ref}`))[0] : undefined;
    const formats: Record<string, string> = {};
    const ambiguous: string[] = [];
    for (const { col, i } of unread) {
      const f: InferredFormat | undefined = found && chooseFormat(found, i);
      if (!f) continue;
      schema[col.name] = typeOfFormat(f.kind);
      formats[col.name] = f.format;
      if (f.ambiguous) ambiguous.push(col.name);
    }
    return { schema, ...(Object.keys(formats).length > 0 ? { formats } : {}), ...(ambiguous.length > 0 ? { ambiguous } : {}) };
  },
  compile({ params: p, inputs, fitted: f }) {
    const input = inputs.in;
    requireColumns(input, [...Object.keys(p.columns), ...Object.keys(p.formats)]);
    const schema = f?.schema ?? fail('E_NOT_FITTED', { what: 'inferred column types' });
    const cast = p.onError === 'null' ? 'TRY_CAST' : 'CAST';
    const cols = input.columns.map((col) => {
      const c = quoteIdent(col.name);
      const chosen = p.columns[col.name];
      const own = p.formats[col.name];
      if (own !== undefined && !isTextType(col.type)) fail('E_TYPES_FORMAT', { column: col.name, format: own, detail: `the column is ${col.type} already; a format reads text` });
      const target = targetType(chosen, own, col.name, schema[col.name]);
      if (target === undefined) return c;
      const format = formatFor(col.name, target, own, isTextType(col.type) ? f?.formats?.[col.name] : undefined);
      if (format) return convertWithFormat(col.name, format.format, format.parsed, target, p.onError);
      if (target === col.type.toUpperCase()) return c;
      // A blank text cell is a missing value, whatever the type: NULL, never a conversion error.
      const source = isTextType(col.type) && target !== 'VARCHAR' ? `NULLIF(trim(${c}), '')` : c;
      return `${cast}(${source} AS ${target}) AS ${c}`;
    });
    return { select: `SELECT ${cols.join(', ')} FROM ${input.ref}` };
  },
});
