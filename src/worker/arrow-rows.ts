import { DataType, tableFromIPC, util, type Field } from 'apache-arrow';
import type { SqlRow, SqlValue } from '../engine/sql/sql-runner';
import { plainInteger } from '../engine/sql/sql-value';

/**
 * Rows of an Arrow IPC result as plain cells, the way the native runner hands them over: integers as numbers when
 * exact, decimals, dates and times in DuckDB's own text form (so a fitted median or mode reads back the same in both
 * engines), and anything nested as text.
 */
export function rowsFromArrow(ipc: Uint8Array): SqlRow[] {
  return arrowRows(ipc).rows;
}

/** The rows, with the Arrow fields they came from (a writer may want to know which text cells are numbers). */
export function arrowRows(ipc: Uint8Array): { fields: Field[]; rows: SqlRow[] } {
  const table = tableFromIPC(ipc);
  const fields = table.schema.fields;
  const converters = fields.map(cellConverter);
  const columns = fields.map((_, i) => table.getChildAt(i));
  const rows: SqlRow[] = [];
  for (let r = 0; r < table.numRows; r++) {
    const row: SqlRow = {};
    fields.forEach((f, i) => {
      const v: unknown = columns[i]?.get(r);
      row[f.name] = v === null || v === undefined ? null : converters[i]!(v);
    });
    rows.push(row);
  }
  return { fields, rows };
}

type Convert = (v: unknown) => SqlValue;

const pad = (n: number | bigint, width = 2): string => String(n).padStart(width, '0');

/** How one field's Arrow values become plain cells (see rowsFromArrow). */
export function cellConverter(field: Field): Convert {
  const type: DataType = field.type;
  if (DataType.isInt(type)) return (v) => (typeof v === 'bigint' ? plainInteger(v) : Number(v));
  if (DataType.isFloat(type)) return (v) => Number(v);
  if (DataType.isBool(type)) return (v) => Boolean(v);
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) return (v) => String(v);
  if (DataType.isDecimal(type)) return (v) => decimalText(util.bigNumToBigInt(v as Parameters<typeof util.bigNumToBigInt>[0]), type.scale);
  if (DataType.isDate(type)) return (v) => dateText(Number(v));
  if (DataType.isTimestamp(type)) return (v) => timestampText(Number(v)) + (type.timezone ? '+00' : '');
  if (DataType.isTime(type)) return (v) => timeText(v);
  if (DataType.isBinary(type)) return (v) => new TextDecoder().decode(v as Uint8Array);
  return (v) => String(v);
}

/** An unscaled decimal as DuckDB writes it: `-0.050` for -50 at scale 3. */
export function decimalText(unscaled: bigint, scale: number): string {
  if (scale === 0) return unscaled.toString();
  const digits = (unscaled < 0n ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
  return `${unscaled < 0n ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** Milliseconds since the epoch as a DuckDB date, `2020-03-04`. */
function dateText(ms: number): string {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  if (y < 1 || y > 9999) return d.toISOString().slice(0, 10);
  return `${pad(y, 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Milliseconds since the epoch as a DuckDB timestamp, `2020-03-04 05:06:07.5`: fractional seconds trimmed. */
function timestampText(ms: number): string {
  const whole = Math.floor(ms / 1000) * 1000;
  const micros = Math.round((ms - whole) * 1000);
  return `${dateText(whole)} ${new Date(whole).toISOString().slice(11, 19)}${fraction(micros)}`;
}

/** Microseconds since midnight (a bigint for TIME) as `01:02:03.25`. */
function timeText(v: unknown): string {
  const micros = typeof v === 'bigint' ? v : BigInt(Math.round(Number(v) * 1000));
  const seconds = micros / 1_000_000n;
  return `${pad(seconds / 3600n)}:${pad((seconds / 60n) % 60n)}:${pad(seconds % 60n)}${fraction(Number(micros % 1_000_000n))}`;
}

function fraction(micros: number): string {
  return micros === 0 ? '' : `.${pad(micros, 6).replace(/0+$/, '')}`;
}
