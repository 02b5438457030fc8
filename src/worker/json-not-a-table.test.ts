import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as parquetWasm from 'parquet-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, runBlock, type TestDb } from '../testing/block-harness';
import { flowOf } from '../testing/flow-of';
import { openWasmInNode, type WasmInNode } from '../testing/wasm-in-node';
import { EngineSession } from './engine-session';
import { parquetCodec } from './parquet-codec';

let wasm: WasmInNode;
let session: EngineSession;
let native: TestDb;
beforeAll(async () => {
  wasm = await openWasmInNode();
  session = await EngineSession.open(wasm, () => Promise.resolve(parquetCodec(parquetWasm)), undefined, { previewHoldMs: 0 });
  native = await openTestDb();
}, 60_000);
afterAll(() => {
  native.close();
  void wasm.close();
});

const importAs = (format: 'json' | 'jsonl') => ({ kind: 'import' as const, params: { input: 'movies', file: 'movies.json', format } });

/** The error each engine gives importing `text` as a JSON table: the studio's duckdb-wasm and the CLI's DuckDB. */
async function errorsFor(text: string, run: number, format: 'json' | 'jsonl' = 'json'): Promise<{ studio: unknown; cli: unknown }> {
  const importJson = importAs(format);
  await session.registerFile('movies', 'movies.json', new TextEncoder().encode(text));
  const state = (await session.runFlow(flowOf([{ id: 'b', ...importJson }], []), run)).blocks[0]!;
  writeFileSync(join(native.dir, 'movies.json'), text);
  const cli = await runBlock(native, importJson, {}, { inputPaths: { movies: join(native.dir, 'movies.json') } }).then(
    () => undefined,
    (e: { code: string; message: string }) => ({ code: e.code, message: e.message }),
  );
  return { studio: state.error && { code: state.error.code, message: state.error.message }, cli };
}

describe('a JSON file that is not a list of rows', () => {
  it.each([
    ['a single object', '{ "movies": [{ "movieId": 1 }] }', 'a single JSON object, not a list of rows'],
    ['a single number', '42', 'a single JSON value, not a list of rows'],
    ['text that is not JSON', 'movieId,title\n1,Toy Story\n', 'text that is not JSON'],
  ])('%s: E_NOT_A_TABLE, the same words in the studio and the CLI', async (_name, text, looksLike) => {
    const { studio, cli } = await errorsFor(text, Math.floor(Math.random() * 1e9));
    expect(studio).toEqual({
      code: 'E_NOT_A_TABLE',
      message: `Input "movies" (movies.json) is not a table: its bytes look like ${looksLike}. A table in JSON is a list of objects, one per row: [{"movieId": 1, "title": "Toy Story"}, …]. Choose jsonl for one object per line.${looksLike === 'text that is not JSON' ? ' For a CSV file, choose the csv format.' : ''}`,
    });
    expect(cli).toEqual(studio);
  });

  it('a list of plain values: both say so (not "Table type not specified", nor one `json` column in the CLI)', async () => {
    const { studio, cli } = await errorsFor('[1, 2, 3]', 77);
    expect(studio).toMatchObject({ code: 'E_NOT_A_TABLE', message: expect.stringContaining('a JSON list of plain values, not of objects') });
    expect(cli).toEqual(studio);
  });

  it('JSON lines of plain values: the same words in both', async () => {
    const { studio, cli } = await errorsFor('1\n2\n3\n', 78, 'jsonl');
    expect(studio).toMatchObject({ code: 'E_NOT_A_TABLE', message: expect.stringContaining('a JSON list of plain values, not of objects') });
    expect(cli).toEqual(studio);
  });
});
