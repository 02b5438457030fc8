import type { CsvReadReport } from '../engine/blocks/import/csv-report';
import { join } from 'node:path';
import { NativeRunner } from '../cli/native-runner';
import { resolveInputFiles } from '../cli/input-files';
import { isWrangleError } from '../engine/errors/catalog';
import { parseFlow } from '../engine/flow/parse';
import { FlowExecutor } from '../engine/run/executor';
import { MESSY_DIR, messyCsvSuite } from './messy-csv';

// As `wrangle run` reads an input: the CLI's input files (encoding, conversion to UTF-8), a runner sandboxed to
// exactly those files, and the executor.
messyCsvSuite('CLI (native DuckDB)', () =>
  Promise.resolve({
    async read(file, settings) {
      const flow = parseFlow({ format: 'wrangle-flow', version: 1, blocks: [{ id: 'src', kind: 'import', params: { input: 'src', file, ...settings } }] });
      let inputs;
      try {
        inputs = resolveInputFiles(flow, new Map([['src', join(MESSY_DIR, file)]]), undefined, 'run');
      } catch (e) {
        if (isWrangleError(e)) return { error: e.toJSON() };
        throw e;
      }
      const runner = await NativeRunner.open({ readableFiles: Object.values(inputs).map((i) => i.path), writableDirectories: [], threads: 1 });
      try {
        const result = await new FlowExecutor(runner).run(flow, { preset: 'inspect', inputs });
        const block = result.blocks[0]!;
        if (block.error) return { error: block.error.toJSON() };
        const out = block.outputs.out!;
        return { columns: out.columns, rows: await runner.query(`SELECT * FROM ${out.ref}`), csv: block.report as CsvReadReport | undefined };
      } finally {
        runner.close();
      }
    },
    close: () => undefined,
  }),
);
