import type { CsvReadReport } from '../engine/blocks/import/csv-report';
import * as parquetWasm from 'parquet-wasm';
import { parseFlow } from '../engine/flow/parse';
import { isWrangleError } from '../engine/errors/catalog';
import { corpusBytes, messyCsvSuite } from '../testing/messy-csv';
import { openWasmInNode } from '../testing/wasm-in-node';
import { rowsFromArrow } from './arrow-rows';
import { EngineSession } from './engine-session';
import { parquetCodec } from './parquet-codec';

// As the studio reads a dropped file: registered as a File, its encoding resolved by the worker, run by the engine
// session on duckdb-wasm (the browser's own wasm, through its Node build, extension autoloading off).
messyCsvSuite('studio (duckdb-wasm)', async () => {
  const db = await openWasmInNode();
  const codec = parquetCodec(parquetWasm);
  const session = await EngineSession.open(db, () => Promise.resolve(codec));
  let runId = 0;
  return {
    async read(file, settings) {
      const flow = parseFlow({ format: 'wrangle-flow', version: 1, blocks: [{ id: 'src', kind: 'import', params: { input: 'src', file, ...settings } }] });
      try {
        await session.registerFile('src', file, new File([corpusBytes(file)], file));
      } catch (e) {
        if (isWrangleError(e)) return { error: e.toJSON() };
        throw e;
      }
      const state = (await session.runFlow(flow, ++runId)).blocks[0]!;
      if (state.error) return { error: state.error };
      const page = await session.preview({ blockId: 'src', port: 'out', offset: 0, limit: 1000 });
      return { columns: state.outputs.out!, rows: rowsFromArrow(page.arrow), csv: state.report as CsvReadReport | undefined };
    },
    close: () => db.close(),
  };
});
