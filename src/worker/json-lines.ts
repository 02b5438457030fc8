import { DataType } from 'apache-arrow';
import { arrowRows } from './arrow-rows';

/**
 * An Arrow result as newline-delimited JSON, one object per row, as DuckDB's `COPY … (FORMAT json)` writes it: the
 * browser build has no JSON extension offline, so JSON exports are written here. Numbers too large for a double
 * (BIGINT, DECIMAL) keep their exact digits; NaN and infinities, which JSON cannot hold, become null.
 */
export function jsonLines(ipc: Uint8Array): Uint8Array {
  const { fields, rows } = arrowRows(ipc);
  const numeric = fields.map((f) => DataType.isInt(f.type) || DataType.isFloat(f.type) || DataType.isDecimal(f.type));
  const lines = rows.map((row) => {
    const cells = fields.map((f, i) => {
      const v = row[f.name] ?? null;
      const json = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : 'null') : typeof v === 'string' && numeric[i] ? v : JSON.stringify(v);
      return `${JSON.stringify(f.name)}:${json}`;
    });
    return `{${cells.join(',')}}\n`;
  });
  return new TextEncoder().encode(lines.join(''));
}
