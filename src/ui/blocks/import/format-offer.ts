/**
 * The import format to offer for a file refused as not a table (E_NOT_A_TABLE): the error's advice names the
 * format its bytes are in (`format: "json"`) where the import block reads that format.
 */
const READABLE = { json: 'JSON', jsonl: 'JSON lines', parquet: 'Parquet' } as const;
export type OfferedFormat = keyof typeof READABLE;

export function formatOffered(error: { code: string; message: string } | undefined): { format: OfferedFormat; label: string } | undefined {
  if (error?.code !== 'E_NOT_A_TABLE') return undefined;
  const named = /format: "([a-z]+)"/.exec(error.message)?.[1];
  if (named === undefined || !(named in READABLE)) return undefined;
  const format = named as OfferedFormat;
  return { format, label: READABLE[format] };
}
