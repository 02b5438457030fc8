import { finiteValue } from '../blocks/exact-stats';
import { isNumericType } from '../blocks/columns';
import type { Column } from '../blocks/contract';
import { quoteIdent } from '../sql/quote';

/** Lists, structs, maps and unions: no min, max or histogram, only counts and their text form. */
export function isNestedType(type: string): boolean {
  return /\[\]$|\[\d+\]$|^(STRUCT|MAP|UNION|LIST)\b/i.test(type.trim());
}

/** How the profile and charts treat a column: binned numbers, or categories counted by their text. */
export function isBinnable(col: Column): boolean {
  return isNumericType(col.type);
}

/** A numeric column as a finite DOUBLE (NULL for NULL, NaN and ±infinity). */
export function numericValue(col: Column): string {
  return finiteValue(col.name);
}

/** A column's value as the text a category or a top value shows. */
export function categoryText(col: Column): string {
  return `CAST(${quoteIdent(col.name)} AS VARCHAR)`;
}
