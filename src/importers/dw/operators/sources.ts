import { TranslationError } from '../expr/ast';
import { chain, draft, type NodeContext, type NodeTranslation } from '../drafts';
import { isRecord } from '../dw-flow';
import { textParam } from './params';

const FORMATS: Record<string, 'csv' | 'tsv' | 'parquet' | 'json' | 'jsonl'> = { csv: 'csv', tsv: 'tsv', parquet: 'parquet', json: 'json', jsonl: 'jsonl' };

/** The bare file name at the end of an object key: `s3://bucket/data/tracks.csv` → `tracks.csv`. */
export function fileNameOf(uri: string): string | undefined {
  const last = uri.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').pop() ?? '';
  return last !== '' && !/^[a-z0-9]+:$/i.test(last) ? last : undefined;
}

/** A name the flow format accepts as a bare file name: no slashes, not `.` or `..`, at most 255 characters. */
export function safeFileName(name: string): string {
  const cleaned = name.replace(/[\\/]+/g, '_').slice(0, 255);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'data.csv' : cleaned;
}

function sourceFormat(contentType: string | undefined, file: string): 'csv' | 'tsv' | 'parquet' | 'json' | 'jsonl' | undefined {
  const byType = contentType ? FORMATS[contentType.toLowerCase()] : undefined;
  const ext = /\.([A-Za-z0-9]+)(\.gz)?$/.exec(file)?.[1]?.toLowerCase();
  const byExtension = ext ? FORMATS[ext] : undefined;
  if (byType === 'json' && byExtension === 'jsonl') return 'jsonl';
  return byType ?? byExtension ?? (contentType === undefined ? 'csv' : undefined);
}

/** What the preview sample of a source output was, for the report: the flow reads the whole file, as a job would. */
function samplingNote(ctx: NodeContext): string | undefined {
  const s = ctx.node.outputs.find((o) => o.sampling)?.sampling;
  if (!s || s.sampling_method === undefined) return undefined;
  const method = String(s.sampling_method);
  if (method === 'sample_by_ratio' && Number(s.sample_ratio) === 1) return undefined;
  const what = method === 'sample_by_limit' ? `the first ${String(s.limit_rows)} rows` : method === 'sample_by_ratio' ? `a ${String(s.sample_ratio)} fraction` : method;
  return `Data Wrangler previewed ${what}; like a processing job, the flow reads the whole file`;
}

/** A SOURCE node: an import block, named after the object's file, with the original URI or query kept in the description. */
export function translateSource(ctx: NodeContext): NodeTranslation {
  const definition = isRecord(ctx.node.parameters.dataset_definition) ? ctx.node.parameters.dataset_definition : ctx.node.parameters;
  const s3 = isRecord(definition.s3ExecutionContext) ? definition.s3ExecutionContext : undefined;
  const notes: string[] = [];
  const sampling = samplingNote(ctx);
  if (sampling) notes.push(sampling);
  if (s3) {
    const uri = textParam(s3, 's3Uri');
    const file = safeFileName((uri && fileNameOf(uri)) ?? textParam(definition, 'name') ?? 'data.csv');
    const format = sourceFormat(textParam(s3, 's3ContentType'), file);
    if (!format) throw new TranslationError(`the content type ${JSON.stringify(s3.s3ContentType)} is not read by Wrangle (CSV, Parquet, JSON)`);
    const csv: Record<string, unknown> = {};
    const delimiter = textParam(s3, 's3FieldDelimiter');
    if ((format === 'csv' || format === 'tsv') && delimiter && delimiter !== ',') csv.delimiter = delimiter;
    if (s3.s3HasHeader === false) csv.header = false;
    const isFolder = uri?.endsWith('/') || s3.s3DirIncludesNested === true;
    if (isFolder) notes.push('the source was a folder of objects; give the flow one file with all the rows');
    const input = ctx.inputName(file);
    const block = draft(ctx, 'import', { input, file, format, ...(Object.keys(csv).length > 0 && { csv }) }, {
      label: textParam(definition, 'name') ?? file,
      note: [`Source: ${uri ?? 'an S3 object'}`, ...notes].join('\n'),
    });
    const status = isFolder ? 'approximated' : 'translated';
    return chain(ctx, [block], status, [`import "${input}" from ${file}`, ...notes].join('; '));
  }
  // Athena, Redshift and the other query sources: the result of the query must be saved as a file.
  const query = textParam(definition, 'queryString', 'query', 'sql');
  const name = textParam(definition, 'name');
  if (!query && !name) throw new TranslationError('the source names neither an S3 object nor a query');
  const file = safeFileName(`${(name ?? 'query_result').replace(/\.[A-Za-z0-9]+$/, '')}.csv`);
  const input = ctx.inputName(file);
  const kind = String(definition.datasetSourceType ?? ctx.node.operator);
  const block = draft(ctx, 'import', { input, file, format: 'csv' }, {
    label: name ?? file,
    note: [`Source: ${kind} query${query ? `:\n${query}` : ''}`, ...notes].join('\n'),
  });
  return chain(ctx, [block], 'approximated', [`import "${input}" from ${file}: run the ${kind} query and save its result as that file (the query is in the block's description)`, ...notes].join('; '));
}
