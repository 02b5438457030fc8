import { DataType, tableFromIPC, util, type Decimal, type Field, type Time, type Timestamp } from 'apache-arrow';

/** A cell as the table shows it: text, or null for SQL NULL. Never HTML. */
export type CellText = string | null;

/** One preview row: its absolute position in the (sorted) output, and its cells in column order. */
export interface PreviewRow {
  index: number;
  cells: CellText[];
}

/** Decodes one page of Arrow IPC bytes into rows of text, with cells in the order of `columnNames`. */
export function decodePreviewPage(bytes: Uint8Array, columnNames: readonly string[], offset: number): PreviewRow[] {
  const table = tableFromIPC(bytes);
  const fieldIndex = new Map(table.schema.fields.map((f, i) => [f.name, i] as const));
  const readers = columnNames.map((name) => {
    const i = fieldIndex.get(name);
    const vector = i === undefined ? null : table.getChildAt(i);
    const field = i === undefined ? undefined : table.schema.fields[i];
    return (row: number): CellText => (vector && field ? formatArrowValue(vector.get(row), field) : null);
  });
  const rows: PreviewRow[] = [];
  for (let r = 0; r < table.numRows; r++) rows.push({ index: offset + r, cells: readers.map((read) => read(r)) });
  return rows;
}

/** One Arrow value as text, the way DuckDB's own shell would write it. */
export function formatArrowValue(value: unknown, field: Pick<Field, 'type'>): CellText {
  if (value === null || value === undefined) return null;
  const type: DataType = field.type;
  if (DataType.isDecimal(type)) return formatDecimal(value, type);
  if (DataType.isTimestamp(type) && typeof value === 'number') return formatTimestamp(value, type);
  if (DataType.isDate(type) && typeof value === 'number') return new Date(value).toISOString().slice(0, 10);
  if (DataType.isTime(type) && (typeof value === 'number' || typeof value === 'bigint')) return formatTime(value, type);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Uint8Array) return `${value.length} bytes`;
  return JSON.stringify(toPlain(value), (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/** Arrow returns a decimal as its unscaled integer; put the point back at `scale` digits. */
function formatDecimal(value: unknown, type: Decimal): string {
  const unscaled = util.bigNumToBigInt(value as Parameters<typeof util.bigNumToBigInt>[0]);
  if (type.scale <= 0) return unscaled.toString();
  const negative = unscaled < 0n;
  const digits = (negative ? -unscaled : unscaled).toString().padStart(type.scale + 1, '0');
  const point = digits.length - type.scale;
  return `${negative ? '-' : ''}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Arrow gives epoch milliseconds; show them in UTC without the ISO `T`, trimming a zero fraction. */
function formatTimestamp(ms: number, type: Timestamp): string {
  const iso = new Date(ms).toISOString().replace('T', ' ').replace(/\.000Z$|Z$/, '');
  return type.timezone ? `${iso}Z` : iso;
}

const TIME_UNITS_PER_SECOND = [1, 1e3, 1e6, 1e9] as const;

/** A time of day, from a count of the type's units since midnight. */
function formatTime(value: number | bigint, type: Time): string {
  const perSecond = TIME_UNITS_PER_SECOND[type.unit] ?? 1;
  const units = Number(value);
  const whole = Math.floor(units / perSecond);
  const fraction = units - whole * perSecond;
  const hh = String(Math.floor(whole / 3600)).padStart(2, '0');
  const mm = String(Math.floor((whole % 3600) / 60)).padStart(2, '0');
  const ss = String(whole % 60).padStart(2, '0');
  const digits = String(perSecond).length - 1;
  return fraction > 0 ? `${hh}:${mm}:${ss}.${String(fraction).padStart(digits, '0')}` : `${hh}:${mm}:${ss}`;
}

/** Structs, lists and maps come back as Arrow row/vector objects; their toJSON gives plain values. */
function toPlain(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && 'toJSON' in value && typeof value.toJSON === 'function') {
    return (value.toJSON as () => unknown)();
  }
  return value;
}
