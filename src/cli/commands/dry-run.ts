import type { FlowDocument } from '../../engine/flow/schema';
import { FlowExecutor, type InputFile, type RunResult } from '../../engine/run/executor';
import { NativeRunner } from '../native-runner';

/**
 * Compiles every block against the real inputs without writing anything: views only, so DuckDB binds each SELECT
 * (finding missing columns and bad expressions) but reads no more data than fitting needs.
 */
export async function dryRun(flow: FlowDocument, inputs: Record<string, InputFile>, sinkPath: (file: string) => string): Promise<RunResult> {
  const runner = await NativeRunner.open({ readableFiles: Object.values(inputs).map((i) => i.path), writableDirectories: [] });
  try {
    return await new FlowExecutor(runner).run(flow, { preset: 'script', inputs, sinkPath });
  } finally {
    runner.close();
  }
}
