import { z } from 'zod';
import { identList, quoteIdent, quoteLiteral } from '../../sql/quote';
import { isTextType } from '../columns';
import { bareFileName } from '../file-names';
import { defineBlock, SINGLE_IN, type Column } from '../contract';

const params = z
  .object({
    /** File name inside the output directory. */
    file: bareFileName,
    format: z.enum(['csv', 'parquet', 'json']).default('csv'),
    /** CSV only: text cells that a spreadsheet would run as a formula get a leading `'`. */
    spreadsheetSafe: z.boolean().default(true),
    header: z.boolean().default(true),
    delimiter: z.string().min(1).max(4).default(','),
    /**
     * `all`: one certain order, so two runs write byte-identical files: the rows' order in their files where the flow
     * kept their identity (row-identity.ts), else every column's values. `none` keeps the engine's order.
     */
    order: z.enum(['all', 'none']).default('all'),
  })
  .strict();

export type ExportParams = z.infer<typeof params>;
export type ExportFormat = ExportParams['format'];

/** A text cell starting with = + - @, a tab or a carriage return is what spreadsheets evaluate. */
function spreadsheetSafe(col: Column): string {
  const c = quoteIdent(col.name);
  if (!isTextType(col.type)) return c;
  return `CASE WHEN regexp_matches(${c}, '^[=+\\-@\\t\\r]') THEN '''' || ${c} ELSE ${c} END AS ${c}`;
}

/** COPY options for a format, rendered. */
export function copyOptions(p: Pick<ExportParams, 'format' | 'header' | 'delimiter'>): string {
  if (p.format === 'parquet') return 'FORMAT parquet';
  if (p.format === 'json') return 'FORMAT json';
  return `FORMAT csv, HEADER ${p.header ? 'true' : 'false'}, DELIMITER ${quoteLiteral(p.delimiter)}`;
}

export const exportBlock = defineBlock({
  kind: 'export',
  family: 'output',
  title: 'Export',
  description: 'Writes its input to a CSV, Parquet or JSON file in the output directory.',
  params,
  inputs: () => SINGLE_IN,
  outputs: () => [],
  rowIdentity: 'makes',
  declaredOutput: (p) => p.file,
  withOutputFormat: (p, format) => ({ ...p, format, file: `${p.file.replace(/\.[A-Za-z0-9]+$/, '')}.${format}` }),
  report: ({ written }) => written,
  tellReport: (written) => ({ status: `→ ${written.fileName}`, wrote: written }),
  compile({ params: p, inputs }) {
    const input = inputs.in;
    const safe = p.format === 'csv' && p.spreadsheetSafe;
    // Where the flow kept the rows' identity, sorting by it is certain and far cheaper than sorting every column.
    const identity = p.order === 'all' ? input.identity : undefined;
    const all = identity ? `* EXCLUDE (${identList(identity.columns)})` : '*';
    const cols = safe ? input.columns.map(spreadsheetSafe).join(', ') : all;
    const order = p.order === 'none' ? '' : ` ORDER BY ${identity ? identList(identity.columns) : 'ALL'}`;
    return {
      select: `SELECT ${cols} FROM ${(identity ?? input).ref}${order}`,
      sink: { fileName: p.file, copyOptions: copyOptions(p), format: p.format },
    };
  },
});
