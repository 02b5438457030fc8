/**
 * A column of another table looked up for each item of a model's factor page: the SQL behind colouring the item
 * factors by, say, the genre of the `tracks` import. One value per item, so a table with many rows per item (the
 * ratings) gives an aggregate: the mean of a number, the most frequent value of anything else.
 */
import { isNumericType, requireColumn } from '../blocks/columns';
import type { Relation } from '../blocks/contract';
import { quoteIdent } from '../sql/quote';

export interface ItemValuesSpec {
  /** The items' key column; the page is the output's first `limit` rows, as a preview page reads them. */
  itemKey: string;
  limit: number;
  /** The other output's key column (the same ids), and the column wanted from it. */
  sourceKey: string;
  column: string;
}

const WHERE_ITEMS = 'the item factors';
const WHERE_SOURCE = 'the table to colour by';

/**
 * One row per item of the page: `key` (the items' own key value) and `value` (NULL where the other table has no
 * row, or no value, for it). Keys of different types are matched as text.
 */
export function itemValuesSelect(items: Relation, source: Relation, spec: ItemValuesSpec): string {
  const itemKey = requireColumn(items, spec.itemKey, WHERE_ITEMS);
  const sourceKey = requireColumn(source, spec.sourceKey, WHERE_SOURCE);
  const column = requireColumn(source, spec.column, WHERE_SOURCE);
  const sameType = itemKey.type === sourceKey.type;
  const asKey = (ident: string) => (sameType ? ident : `CAST(${ident} AS VARCHAR)`);
  const limit = Math.max(0, Math.floor(spec.limit));
  const matched = `SELECT ${asKey(quoteIdent(sourceKey.name))} AS k, ${quoteIdent(column.name)} AS v FROM ${source.ref} WHERE ${asKey(quoteIdent(sourceKey.name))} IN (SELECT k FROM page)`;
  // Ties between equally frequent values go to the smallest, so the colour does not depend on row order.
  const perItem = isNumericType(column.type)
    ? `SELECT k, avg(v) AS v FROM matched GROUP BY k`
    : `SELECT k, first(v ORDER BY n DESC, v ASC) AS v FROM (SELECT k, v, count(*) AS n FROM matched WHERE v IS NOT NULL GROUP BY k, v) GROUP BY k`;
  return [
    `WITH page AS (SELECT ${quoteIdent(itemKey.name)} AS item, ${asKey(quoteIdent(itemKey.name))} AS k FROM ${items.ref} LIMIT ${limit}),`,
    `matched AS (${matched}),`,
    `per_item AS (${perItem})`,
    `SELECT page.item AS "key", per_item.v AS "value" FROM page LEFT JOIN per_item ON page.k = per_item.k`,
  ].join('\n');
}
