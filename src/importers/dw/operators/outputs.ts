import { chain, draft, type NodeContext, type NodeTranslation } from '../drafts';
import { isRecord, shortOperator } from '../dw-flow';
import { fileNameOf, safeFileName } from './sources';
import { columnList, textParam } from './params';

/** A file name stem from a dataset or output name: `Train` → `train`. */
function stem(name: string): string {
  const s = name.trim().toLowerCase().replace(/\.[a-z0-9]+$/, '').replace(/[^a-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '');
  return s === '' ? 'output' : s.slice(0, 100);
}

/** The first string anywhere in the parameters that passes the test (an S3 URI, a content type). */
function findText(value: unknown, test: (key: string, s: string) => boolean, key = ''): string | undefined {
  if (typeof value === 'string') return test(key, value) ? value : undefined;
  if (Array.isArray(value)) return value.map((v) => findText(v, test, key)).find((v) => v !== undefined);
  if (isRecord(value)) return Object.entries(value).map(([k, v]) => findText(v, test, k)).find((v) => v !== undefined);
  return undefined;
}

/** A DATASET node: a named output of the flow, written as `<name>.csv`. Nodes after it read what feeds it. */
export function translateDataset(ctx: NodeContext): NodeTranslation {
  const source = ctx.inputSource(0);
  const name = ctx.node.name ?? (source && source.outputName !== 'default' ? source.outputName : source?.nodeName) ?? 'dataset';
  const file = ctx.exportFile(`${stem(name)}.csv`);
  const block = draft(ctx, 'export', { file, format: 'csv' }, { label: `Dataset ${name}` });
  return { ...chain(ctx, [block], 'translated', `named output "${name}", written as ${file}`), exits: {}, passThrough: true };
}

/** A DESTINATION node: an export of the same format, named after the destination object. */
export function translateDestination(ctx: NodeContext): NodeTranslation {
  const p = ctx.node.parameters;
  const uri = findText(p, (_, s) => /^s3:\/\//i.test(s));
  const contentType = findText(p, (k, s) => /content_?type|format/i.test(k) && /csv|parquet|json/i.test(s))?.toLowerCase();
  const format = contentType?.includes('parquet') ? 'parquet' : contentType?.includes('json') ? 'json' : 'csv';
  const fromUri = uri ? fileNameOf(uri) : undefined;
  const named = fromUri && /\.[A-Za-z0-9]+$/.test(fromUri) ? fromUri : `${stem(fromUri ?? ctx.node.name ?? 'output')}.${format}`;
  const file = ctx.exportFile(safeFileName(named));
  const block = draft(ctx, 'export', { file, format }, { label: ctx.node.name ?? `Export ${file}`, note: uri ? `Destination: ${uri}` : undefined });
  return { ...chain(ctx, [block], 'translated', `export ${file}${uri ? ` (was ${uri})` : ''}`), exits: {}, passThrough: true };
}

/** A VISUALIZATION node: no block; a note on the block before it, pointing at the studio view that shows the same. */
export function translateVisualization(ctx: NodeContext): NodeTranslation {
  const op = shortOperator(ctx.node.operator).replace(/^visualizations\./, '');
  const p = ctx.node.parameters;
  const column = textParam(p, 'x_axis', 'column', 'x') ?? columnList(p.input_column)[0];
  const name = ctx.node.name ?? op.replace(/_/g, ' ');
  let status: NodeTranslation['status'] = 'approximated';
  let note: string;
  if (/histogram/.test(op)) note = `Data Wrangler analysis "${name}": a histogram${column ? ` of ${column}` : ''}; open this block's Chart tab`;
  else if (/scatter/.test(op)) note = `Data Wrangler analysis "${name}": a scatter plot${column ? ` of ${column}` : ''}; open this block's Chart tab`;
  else if (/describe|summary|insights|quality/.test(op)) note = `Data Wrangler analysis "${name}": a table summary; open this block's Profile tab`;
  else {
    status = 'unsupported';
    note = `Data Wrangler analysis "${name}" (${op}) has no counterpart in Wrangle`;
  }
  return { blocks: [], edges: [], entries: [], exits: {}, status, detail: `a note on the block before it: ${note}`, upstreamNote: note, passThrough: true };
}
