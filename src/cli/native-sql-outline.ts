import { charIndexOfUtf8Offset, NOT_ONE_STATEMENT, type SqlName, type SqlOutline } from '../engine/sql/sql-outline';

/**
 * Reads the parse tree that native DuckDB's `json_serialize_sql` gives (the parser's own statements, serialized;
 * nothing is bound or run) into an outline: every function node, every base table that is not an in-scope CTE, and
 * the identifiers and text literals on the way.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** The serializer's "no location" is 2^64 - 1, which JSON.parse reads as a float. */
const NO_LOCATION = 2 ** 53;

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const asText = (v: Json | undefined): string => (typeof v === 'string' ? v : '');

/** The outline of `text`, from `json_serialize_sql(text)`; `statementCount` answers when the tree cannot be had. */
export function outlineFromParseTree(text: string, serialized: string, statementCount: () => Promise<number>): Promise<SqlOutline> | SqlOutline {
  const doc = JSON.parse(serialized) as JsonObject;
  if (doc.error === true) {
    if (doc.error_type === 'parser') {
      const at = Number(doc.position);
      return { ok: false, message: `Parser Error: ${asText(doc.error_message)}`, ...(Number.isFinite(at) ? { position: charIndexOfUtf8Offset(text, at) } : {}) };
    }
    // "Only SELECT statements can be serialized": a statement that is not a query. Its parts do not matter, since
    // the probe that reads it as a subquery refuses it; only how many statements there are does.
    // Extracting expands an IMPORT DATABASE by reading its files, which the sandbox refuses: that is one statement.
    const one: SqlOutline = { ok: true, calls: [], names: [], relations: [] };
    return statementCount().then(
      (n): SqlOutline => (n === 1 ? one : { ok: false, message: NOT_ONE_STATEMENT }),
      () => one,
    );
  }
  const statements = Array.isArray(doc.statements) ? doc.statements : [];
  if (statements.length !== 1) return { ok: false, message: NOT_ONE_STATEMENT };
  const found: Extract<SqlOutline, { ok: true }> = { ok: true, calls: [], names: [], relations: [] };
  walk(statements[0]!, new Set(), 0, found, text);
  return found;
}

function walk(node: Json, ctes: ReadonlySet<string>, outer: number, found: Extract<SqlOutline, { ok: true }>, text: string): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, ctes, outer, found, text);
    return;
  }
  if (!isObject(node)) return;
  const location = typeof node.query_location === 'number' && node.query_location < NO_LOCATION ? charIndexOfUtf8Offset(text, node.query_location) : outer;
  const named = (name: string): SqlName => ({ name, position: location });
  if (node.class === 'FUNCTION') found.calls.push(named(asText(node.function_name).toLowerCase()));
  if (node.class === 'COLUMN_REF' && Array.isArray(node.column_names)) found.names.push(...node.column_names.map((c) => named(asText(c))));
  if (node.class === 'CONSTANT' && isObject(node.value) && typeof node.value.value === 'string') found.names.push(named(node.value.value));
  if (typeof node.alias === 'string' && node.alias !== '') found.names.push(named(node.alias));
  if (Array.isArray(node.column_name_alias)) found.names.push(...node.column_name_alias.map((c) => named(asText(c))));
  if (node.type === 'BASE_TABLE') {
    const parts = [asText(node.catalog_name), asText(node.schema_name), asText(node.table_name)].filter((p) => p !== '');
    found.names.push(...parts.map(named));
    // A CTE is found only by its bare name; `main.x` is always a table of the catalog.
    const isCte = parts.length === 1 && ctes.has(parts[0]!.toLowerCase());
    if (!isCte) found.relations.push(named(parts.join('.')));
  }
  let scope = ctes;
  const cteMap = isObject(node.cte_map) && Array.isArray(node.cte_map.map) ? node.cte_map.map.filter(isObject) : [];
  if (cteMap.length > 0) {
    // As DuckDB binds them: each CTE sees the ones before it and itself (recursion); the query sees all of them.
    const growing = new Set(ctes);
    for (const entry of cteMap) {
      const name = asText(entry.key);
      found.names.push({ name, position: location });
      growing.add(name.toLowerCase());
      walk(entry.value ?? null, new Set(growing), location, found, text);
    }
    scope = growing;
  }
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'cte_map') walk(value, scope, location, found, text);
  }
}
