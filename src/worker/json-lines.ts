import { DataType, tableFromIPC, type Field } from 'apache-arrow';
import { cellConverter } from './arrow-rows';

/** Writes one non-null Arrow value of a field as JSON text. */
type WriteJson = (value: unknown) => string;

const orNull = (write: WriteJson, value: unknown): string => (value === null || value === undefined ? 'null' : write(value));

/**
 * A field's values as DuckDB's JSON writer gives them: structs and maps as objects, lists as arrays (nested to any
 * depth), numbers too large for a double (BIGINT, DECIMAL) with their exact digits, and NaN and infinities, which
 * JSON cannot hold, as null.
 */
function jsonWriter(field: Field): WriteJson {
  const type: DataType = field.type;
  if (DataType.isStruct(type)) {
    const members = type.children.map((child: Field) => ({ name: child.name, key: JSON.stringify(child.name), write: jsonWriter(child) }));
    return (v) => `{${members.map((m) => `${m.key}:${orNull(m.write, (v as Record<string, unknown>)[m.name])}`).join(',')}}`;
  }
  if (DataType.isList(type) || DataType.isFixedSizeList(type)) {
    const write = jsonWriter(type.children[0]!);
    return (v) => `[${Array.from(v as Iterable<unknown>, (item) => orNull(write, item)).join(',')}]`;
  }
  if (DataType.isMap(type)) {
    const [key, value] = (type.children[0]!.type as DataType).children as Field[];
    const keyText = cellConverter(key!);
    const write = jsonWriter(value!);
    return (v) => `{${Array.from(v as Iterable<[unknown, unknown]>, ([k, x]) => `${JSON.stringify(String(keyText(k)))}:${orNull(write, x)}`).join(',')}}`;
  }
  const convert = cellConverter(field);
  const numeric = DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type);
  return (v) => {
    const cell = convert(v);
    if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : 'null';
    return typeof cell === 'string' && numeric ? cell : JSON.stringify(cell);
  };
}

/**
 * An Arrow result as newline-delimited JSON, one object per row, as DuckDB's `COPY … (FORMAT json)` writes it: the
 * browser build has no JSON extension offline, so JSON exports are written here.
 */
export function jsonLines(ipc: Uint8Array): Uint8Array {
  const table = tableFromIPC(ipc);
  const fields = table.schema.fields;
  const columns = fields.map((f, i) => ({ key: JSON.stringify(f.name), write: jsonWriter(f), vector: table.getChildAt(i) }));
  const lines: string[] = [];
  for (let r = 0; r < table.numRows; r++) {
    lines.push(`{${columns.map((c) => `${c.key}:${orNull(c.write, c.vector?.get(r))}`).join(',')}}\n`);
  }
  return new TextEncoder().encode(lines.join(''));
}
