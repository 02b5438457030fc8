/**
 * What the categorical encoders (one-hot, ordinal, multi-hot) share: how labels are learned and ordered, and how a
 * value not seen when fitting stops a run with a coded error.
 */
import { z } from 'zod';
import { WrangleError } from '../errors/catalog';
import type { SqlRow } from '../sql/sql-runner';
import { quoteIdent, quoteLiteral } from '../sql/quote';
import { columnKey, type ColumnNameSet } from './columns';

/** Fitted state of the label encoders: the labels, in output order. */
export const labelsFitted = z.object({ labels: z.array(z.string()) }).strict();

/** How fitted labels are ordered: most frequent first, or by code point. */
export type LabelOrder = 'frequency' | 'alphabetical';

/** Starts the message of the engine error raised for an unseen value, so explainUnknownCategory can recognise it. */
const UNKNOWN_MARK = 'E_UNKNOWN_CATEGORY value: ';

/**
 * The `limit` most frequent labels of a column, as rows `{label, n}`: by descending frequency, ties alphabetical, or
 * (`alphabetical`) those same labels sorted. Alphabetical is bytewise (code point order): DuckDB compares text so
 * unless a collation is set.
 */
export function labelQuery(ref: string, column: string, limit: number, order: LabelOrder = 'frequency'): string {
  const c = quoteIdent(column);
  const frequent = `SELECT CAST(${c} AS VARCHAR) AS label, count(*) AS n FROM ${ref} WHERE ${c} IS NOT NULL GROUP BY 1 ORDER BY n DESC, label ASC LIMIT ${limit}`;
  return order === 'frequency' ? frequent : `SELECT label, n FROM (${frequent}) ORDER BY label ASC`;
}

/** Fits an encoder's labels: runs `labelQuery` and keeps the labels in order. */
export async function fitLabels(
  query: (sql: string) => Promise<SqlRow[]>,
  ref: string,
  column: string,
  limit: number,
  order: LabelOrder = 'frequency',
): Promise<z.infer<typeof labelsFitted>> {
  const rows = await query(labelQuery(ref, column, limit, order));
  return { labels: rows.map((r) => String(r.label)) };
}

/** A SQL condition: the text value is one of the labels. */
export function isKnownLabel(valueExpr: string, labels: readonly string[]): string {
  return labels.length > 0 ? `${valueExpr} IN (${labels.map(quoteLiteral).join(', ')})` : 'FALSE';
}

/**
 * A WHERE clause (with its leading space) that fails the query on the first non-NULL value not among the labels.
 * A filter rather than a projected expression, so it runs even when no later step reads the encoded column.
 */
export function unknownCategoryGuard(valueExpr: string, labels: readonly string[]): string {
  const unknown = `${valueExpr} IS NOT NULL AND NOT (${isKnownLabel(valueExpr, labels)})`;
  return ` WHERE CASE WHEN ${unknown} THEN error(${quoteLiteral(UNKNOWN_MARK)} || ${valueExpr}) ELSE TRUE END`;
}

/** E_UNKNOWN_CATEGORY for the engine error unknownCategoryGuard raises; undefined for any other message. */
export function explainUnknownCategory(message: string, column: string): WrangleError | undefined {
  const at = message.indexOf(UNKNOWN_MARK);
  if (at < 0) return undefined;
  const value = message.slice(at + UNKNOWN_MARK.length).split('\n')[0];
  return new WrangleError('E_UNKNOWN_CATEGORY', { column, value: JSON.stringify(value) });
}

/**
 * The output column of each label (`nameOf(label)`), added to `taken`. Two labels whose columns are one name to DuckDB
 * (`x` and `X` give `genre_x` and `genre_X`), or a label whose column is already there, are E_COLUMN_EXISTS naming
 * both: the encoders never let DuckDB rename one silently.
 */
export function labelColumns(taken: ColumnNameSet, labels: readonly string[], nameOf: (label: string) => string, column: string): string[] {
  const labelByKey = new Map<string, string>();
  return labels.map((label) => {
    const name = nameOf(label);
    const other = labelByKey.get(columnKey(name));
    const detail =
      other === undefined
        ? `It would be the column of the label "${label}" of "${column}".`
        : `The labels "${other}" and "${label}" of "${column}" both give it: make their case consistent first (a formula with lower(), say).`;
    taken.add(name, detail);
    labelByKey.set(columnKey(name), label);
    return name;
  });
}
