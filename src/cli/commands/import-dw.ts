import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { serializeFlow } from '../../engine/flow/parse';
import { importDataWranglerFlow } from '../../importers/dw/import-flow';
import { parquetRowsReader } from '../../importers/dw/parquet-rows';
import { formatReportTable } from '../../importers/dw/report';
import { flowArgument, parseCommandArgs } from '../args';
import { EXIT_FLOW_ERROR, EXIT_OK, UsageError } from '../usage-error';

const options = {
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
  'types-from-file': { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `music.flow` → `music.flow.json`, in the current directory. */
function defaultOutput(input: string): string {
  return `${basename(input).replace(/\.flow$/i, '').replace(/\.json$/i, '')}.flow.json`;
}

/** Spark models' labels are Parquet: parquet-wasm's Node build decodes them, loaded only when a flow has some. */
const readParquetRows = parquetRowsReader(async (bytes) => {
  const pq = await import('parquet-wasm');
  return pq.readParquet(bytes).intoIPCStream();
});

/**
 * `wrangle import-dw`: converts a SageMaker Data Wrangler `.flow` into a Wrangle flow and prints what each node became.
 * Exit 0 with a report even when some nodes are unsupported; 1 when the file is not a Data Wrangler flow at all.
 */
export async function importDwCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('import-dw', args, options);
  const input = flowArgument(positionals, 'import-dw');
  let text: string;
  try {
    text = readFileSync(input, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `file not found: ${input}` : `cannot read ${input}: ${String(e)}`, 'import-dw');
  }
  const output = values.output ?? join('.', defaultOutput(input));
  if (existsSync(output) && !values.force) throw new UsageError(`${output} already exists; pass --force to overwrite it`, 'import-dw');
  const name = basename(input).replace(/\.flow$/i, '');
  const { flow, report } = await importDataWranglerFlow(text, { readParquetRows, name, typesFrom: values['types-from-file'] ? 'file' : 'data' });
  if (flow) writeFileSync(output, serializeFlow(flow));
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ ok: report.isFlow, ...(flow && { output }), report }, null, 2)}\n`);
  } else if (report.isFlow) {
    process.stdout.write(`${formatReportTable(report)}\n\nwrote ${output}: ${flow!.blocks.length} blocks; run it with: wrangle run ${output} --data DIR\n`);
  }
  if (!report.isFlow) {
    process.stderr.write(`error: ${input}: ${report.problems.join('; ')}\n`);
    return EXIT_FLOW_ERROR;
  }
  return EXIT_OK;
}
