import { NotTranslatable, type Json, type Node } from './duckdb-to-spark';
import { STUDIO_ONLY, type Token } from './studio-tokenizer';

/** DuckDB's vocabulary and node shapes for the studio parser: what its json_serialize_sql calls each thing. */

export const COMPARISONS: Record<string, string> = { '=': 'COMPARE_EQUAL', '==': 'COMPARE_EQUAL', '<>': 'COMPARE_NOTEQUAL', '!=': 'COMPARE_NOTEQUAL', '<': 'COMPARE_LESSTHAN', '>': 'COMPARE_GREATERTHAN', '<=': 'COMPARE_LESSTHANOREQUALTO', '>=': 'COMPARE_GREATERTHANOREQUALTO' };

/** What NOT makes of a comparison: DuckDB's parser negates it rather than wrapping it. */
export const NEGATED: Record<string, string> = {
  COMPARE_EQUAL: 'COMPARE_NOTEQUAL',
  COMPARE_NOTEQUAL: 'COMPARE_EQUAL',
  COMPARE_LESSTHAN: 'COMPARE_GREATERTHANOREQUALTO',
  COMPARE_GREATERTHANOREQUALTO: 'COMPARE_LESSTHAN',
  COMPARE_GREATERTHAN: 'COMPARE_LESSTHANOREQUALTO',
  COMPARE_LESSTHANOREQUALTO: 'COMPARE_GREATERTHAN',
};

/** DuckDB's names of the types a cast may name, by how they may be written. */
export const TYPE_NAMES: Record<string, string> = {
  VARCHAR: 'VARCHAR', TEXT: 'VARCHAR', STRING: 'VARCHAR', CHAR: 'VARCHAR', BPCHAR: 'VARCHAR',
  BOOLEAN: 'BOOLEAN', BOOL: 'BOOLEAN', LOGICAL: 'BOOLEAN',
  TINYINT: 'TINYINT', INT1: 'TINYINT', SMALLINT: 'SMALLINT', INT2: 'SMALLINT', SHORT: 'SMALLINT',
  INTEGER: 'INTEGER', INT: 'INTEGER', INT4: 'INTEGER', SIGNED: 'INTEGER', BIGINT: 'BIGINT', INT8: 'BIGINT', LONG: 'BIGINT',
  FLOAT: 'FLOAT', FLOAT4: 'FLOAT', REAL: 'FLOAT', DOUBLE: 'DOUBLE', FLOAT8: 'DOUBLE',
  DATE: 'DATE', TIMESTAMP: 'TIMESTAMP', DATETIME: 'TIMESTAMP', TIME: 'TIME',
};

export const constant = (id: string, value: Json, at: number, typeInfo?: Node): Node => ({
  class: 'CONSTANT',
  type: 'VALUE_CONSTANT',
  query_location: at,
  value: id === 'NULL' ? { type: { id }, is_null: true } : { type: { id, ...(typeInfo ? { type_info: typeInfo } : {}) }, is_null: false, value },
});

export const func = (name: string, children: Node[], at: number): Node => ({ class: 'FUNCTION', type: 'FUNCTION', function_name: name, schema: '', children, distinct: false, query_location: at });

/** Words that are not column names in an expression. */
export const RESERVED = new Set('SELECT FROM WHERE GROUP ORDER BY HAVING LIMIT AND OR NOT IS IN LIKE ILIKE BETWEEN WHEN THEN ELSE END AS DISTINCT ALL ANY SOME EXISTS ARRAY INTERVAL'.split(' '));

export function isNumericType(type: Json | undefined): boolean {
  const id = typeof type === 'object' && type !== null && !Array.isArray(type) ? type.id : undefined;
  return id === 'INTEGER' || id === 'BIGINT' || id === 'DECIMAL' || id === 'DOUBLE';
}

/** A number as DuckDB types it: INTEGER or BIGINT, DECIMAL(width, scale) with a point, DOUBLE with an exponent. */
export function numberConstant(t: Token, from: number): Node {
  const text = t.text;
  if (/[eE]/.test(text)) return constant('DOUBLE', Number(text), t.at);
  if (!text.includes('.')) {
    const value = Number(text);
    if (value <= 2 ** 31 - 1) return constant('INTEGER', value, t.at);
    if (Number.isSafeInteger(value)) return constant('BIGINT', value, t.at);
    throw new NotTranslatable(`the number ${text}`, t.index - from, STUDIO_ONLY);
  }
  const [whole = '', fraction = ''] = text.split('.');
  const digits = (whole + fraction).replace(/^0+(?=\d)/, '');
  if (digits.length > 15) throw new NotTranslatable(`the number ${text}`, t.index - from, STUDIO_ONLY);
  return constant('DECIMAL', Number(whole + fraction), t.at, { type: 'DECIMAL_TYPE_INFO', width: Math.max(whole.replace(/^0+/, '').length + fraction.length, 1), scale: fraction.length });
}
