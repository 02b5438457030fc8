import { existsSync, writeFileSync } from 'node:fs';
import { quoteLiteral } from '../../engine/sql/quote';
import { pysparkJob } from '../../engine/spark/script';
import { flowArgument, parseCommandArgs } from '../args';
import { loadFlowFile } from '../load-flow';
import { NativeRunner } from '../native-runner';
import { UsageError } from '../usage-error';

/** `wrangle pyspark`: the flow as one standalone PySpark job, on stdout or in a file. */
export async function pysparkCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('pyspark', args, {
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  const flowPath = flowArgument(positionals, 'pyspark');
  const flow = loadFlowFile(flowPath, 'pyspark');
  if (values.output !== undefined && existsSync(values.output) && !values.force) {
    throw new UsageError(`${values.output} already exists: pass --force to overwrite it`, 'pyspark');
  }
  // DuckDB's parser reads the user's SQL; nothing is read or run, so the runner may reach no file at all.
  const runner = await NativeRunner.open({ readableFiles: [], writableDirectories: [] });
  try {
    const parse = async (sql: string) => String((await runner.query(`SELECT json_serialize_sql(${quoteLiteral(sql)}) AS tree`))[0]?.tree);
    // Where the job knowingly differs from wrangle run (a model's random factors, bias terms) is said here as well as in the job.
    const onNote = (note: { block: string; text: string }) => process.stderr.write(`note: block "${note.block}" differs on Spark: ${note.text}\n`);
    const job = await pysparkJob(flow, { source: flowPath, parse, onNote });
    if (values.output === undefined) process.stdout.write(job);
    else {
      writeFileSync(values.output, job);
      process.stderr.write(`wrote ${values.output}: ${flow.blocks.length} blocks as PySpark functions\n`);
    }
    return 0;
  } finally {
    runner.close();
  }
}
