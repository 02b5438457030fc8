import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NativeRunner } from '../cli/native-runner';
import { openWasmInNode, type WasmInNode } from '../testing/wasm-in-node';
import { jsonLines } from './json-lines';
import { WasmRunner } from './wasm-runner';

let db: WasmInNode;
let wasm: WasmRunner;
beforeAll(async () => {
  db = await openWasmInNode();
  wasm = await WasmRunner.open(db);
});
afterAll(() => db.close());

/** What native DuckDB's COPY … (FORMAT json) writes for a query: the CLI's JSON export. */
async function nativeJson(select: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'wrangle-json-'));
  const native = await NativeRunner.open({ readableFiles: [], writableDirectories: [dir], threads: 1 });
  try {
    await native.exec(`COPY (${select}) TO '${join(dir, 'out.json')}' (FORMAT json)`);
  } finally {
    native.close();
  }
  return readFileSync(join(dir, 'out.json'), 'utf8');
}

const parsed = (text: string): unknown[] => text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown);

describe('JSON export in the browser', () => {
  it('writes a struct as an object, not as its text (the ratings-als metrics.json "best" was a string)', async () => {
    const select = `SELECT 0.7 AS rmse, {'rank': 10, 'regParam': 0.15, 'note': 'a"b', 'missing': NULL::INT} AS best FROM range(2)`;
    const browser = new TextDecoder().decode(jsonLines(await wasm.queryArrow(select)));
    expect(parsed(browser)[0]).toEqual({ rmse: 0.7, best: { rank: 10, regParam: 0.15, note: 'a"b', missing: null } });
    expect(browser).toBe(await nativeJson(select));
  });

  it('writes lists, lists of structs and maps as the CLI does, nested values and NULLs included', async () => {
    const select = `SELECT [1, 2, NULL] AS xs, [{'a': 1, 'b': [0.5]}] AS ys, MAP {'k': 1.5, 'j': NULL} AS m, NULL::INT[] AS none,
      12345678901234567890::HUGEINT AS big, 1.50::DECIMAL(5, 2) AS price, DATE '2020-01-02' AS day, true AS flag`;
    const browser = parsed(new TextDecoder().decode(jsonLines(await wasm.queryArrow(select))));
    expect(browser).toEqual(parsed(await nativeJson(select)));
    expect(browser[0]).toMatchObject({ xs: [1, 2, null], ys: [{ a: 1, b: [0.5] }], m: { k: 1.5, j: null }, none: null });
  });
});
