import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromArrays, tableFromIPC, tableToIPC } from 'apache-arrow';
import * as parquetWasm from 'parquet-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NativeRunner } from '../cli/native-runner';
import { flowOf } from '../testing/flow-of';
import { FlowExecutor } from '../engine/run/executor';
import { openWasmInNode, type WasmInNode } from '../testing/wasm-in-node';
import { rowsFromArrow } from './arrow-rows';
import type { BlockState, RunFlowResult } from './engine-api';
import { EngineSession } from './engine-session';
import { parquetCodec } from './parquet-codec';

const RATINGS = 'userId,trackId,Rating,note\nu1,t1,5,ok\nu1,t2,3,=1+1\nu2,t1,4,ok\nu3,t3,1,\n';
const codec = parquetCodec(parquetWasm);
const loadParquet = () => Promise.resolve(codec);

let db: WasmInNode;
let session: EngineSession;

const importBlock = (input: string, file: string, format = 'csv') => ({ id: input, kind: 'import', params: { input, file, format } });
const formula = (expression: string) => ({ id: 'double', kind: 'formula', params: { column: 'double', expression } });
const ratingsFlow = (expression = 'Rating * 2') =>
  flowOf(
    [importBlock('ratings', 'ratings.csv'), formula(expression), { id: 'export', kind: 'export', params: { file: 'out.csv' } }],
    [
      ['ratings', 'out', 'double', 'in'],
      ['double', 'out', 'export', 'in'],
    ],
  );

const byId = (states: BlockState[]) => Object.fromEntries(states.map((s) => [s.blockId, s]));
const tables = async () => rowsFromArrow(await db.run("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE 'w\\_%' ESCAPE '\\'"))[0]?.n;

beforeAll(async () => {
  db = await openWasmInNode();
  // A hold that never ends by itself: a run paused after the focused block goes on only when told to.
  session = await EngineSession.open(db, loadParquet, undefined, { previewHoldMs: 3_600_000 });
  await session.registerFile('ratings', 'ratings.csv', new TextEncoder().encode(RATINGS));
});
afterAll(() => db.close());

describe('EngineSession on duckdb-wasm', () => {
  it('reports the engine version', async () => {
    expect(await session.init()).toEqual({ version: 'v1.4.3' });
  });

  it('serves the focused block its preview, and waits for it to be shown, before computing the blocks downstream', async () => {
    const order: string[] = [];
    await session.focus('double');
    await session.runFlow(ratingsFlow('Rating * 7'), 900, (state) => {
      order.push(`done ${state.blockId}`);
      // In the browser the preview request comes back from the page a little later, and the rows are drawn later still.
      if (state.blockId === 'double') {
        setTimeout(async () => {
          await session.preview({ blockId: 'double', port: 'out', offset: 0, limit: 10 });
          order.push('preview double');
          setTimeout(() => {
            order.push('shown double');
            void session.previewShown('double');
          }, 50);
        }, 50);
      }
    });
    await session.focus(undefined);
    expect(order).toEqual(['done ratings', 'done double', 'preview double', 'shown double', 'done export']);
  });

  it('a newer run ends the wait of the run it replaces, whose preview the studio will never ask for', async () => {
    await session.focus('double');
    let newer: Promise<RunFlowResult> | undefined;
    const older = session.runFlow(ratingsFlow('Rating * 8'), 901, (state) => {
      // The user edits again once the older run waits after the focused block (a timer runs after the wait began).
      if (state.blockId !== 'double') return;
      setTimeout(() => {
        newer = session.runFlow(ratingsFlow('Rating * 9'), 902, (s) => {
          // Its rows are shown a moment after its state arrives.
          if (s.blockId === 'double') setTimeout(() => void session.previewShown('double'), 0);
        });
      }, 0);
    });
    expect(await older).toEqual({ runId: 901, blocks: [] });
    // Set in the same callback that replaced the older run, so before that run could answer.
    const result = await newer!;
    await session.focus(undefined);
    expect(result.blocks.map((b) => [b.blockId, b.status])).toEqual([
      ['ratings', 'fresh'],
      ['double', 'fresh'],
      ['export', 'fresh'],
    ]);
  });

  it('runs a flow, streaming each block state with its rows, SQL and output columns', async () => {
    const streamed: BlockState[] = [];
    const result = await session.runFlow(ratingsFlow(), 7, (s) => streamed.push(s));
    expect(result.runId).toBe(7);
    expect(streamed.map((s) => [s.blockId, s.status, s.rows])).toEqual([
      ['ratings', 'fresh', 4],
      ['double', 'fresh', 4],
      ['export', 'fresh', 4],
    ]);
    expect(result.blocks).toEqual(streamed);
    expect(byId(result.blocks).double?.outputs.out?.map((c) => c.name)).toEqual(['userId', 'trackId', 'Rating', 'note', 'double']);
    expect(byId(result.blocks).double?.sql).toMatch(/^SELECT /);
  });

  it('recomputes only what an edit touches, and drops the results the edit replaced', async () => {
    await session.runFlow(ratingsFlow(), 1);
    const before = await tables();
    const again = byId((await session.runFlow(ratingsFlow(), 2)).blocks);
    expect([again.ratings?.cached, again.double?.cached, again.export?.cached]).toEqual([true, true, true]);
    const edited = byId((await session.runFlow(ratingsFlow('Rating * 3'), 3)).blocks);
    expect([edited.ratings?.cached, edited.double?.cached, edited.export?.cached]).toEqual([true, undefined, undefined]);
    expect(await tables()).toBe(before);
  });

  it('holds back the blocks the user stopped: reported cancelled without computing, their readers blocked', async () => {
    const states = byId((await session.runFlow(ratingsFlow('Rating * 11'), 5, undefined, undefined, { stopped: ['double'] })).blocks);
    expect(states.ratings?.status).toBe('fresh');
    expect(states.double).toMatchObject({ status: 'cancelled', error: { code: 'E_RUN_STOPPED', blockId: 'double' } });
    expect(states.double?.sql).toBeUndefined();
    expect(states.export?.status).toBe('blocked');
    const released = byId((await session.runFlow(ratingsFlow('Rating * 11'), 6)).blocks);
    expect(released.double?.status).toBe('fresh');
    expect(released.export?.status).toBe('fresh');
  });

  it('shows the first rows of a big file being previewed, served before the whole file is read', async () => {
    // A database of its own: a session locks its configuration.
    const ownDb = await openWasmInNode();
    const big = await EngineSession.open(ownDb, loadParquet, undefined, { firstRowsFromBytes: 1024 });
    const csv = `n,half\n${Array.from({ length: 3000 }, (_, i) => `${i},${i / 2}`).join('\n')}\n`;
    await big.registerFile('big', 'big.csv', new TextEncoder().encode(csv));
    await big.focus('big');
    const seen: string[] = [];
    let firstPage: Promise<{ rows: number; total: number }> | undefined;
    const onBlock = (state: BlockState) => {
      seen.push(`${state.status}${state.partial ? ' (first rows)' : ''} ${state.rows ?? ''}`.trim());
      if (state.partial) {
        firstPage = big.preview({ blockId: 'big', port: 'out', offset: 0, limit: 50 }).then(async (p) => {
          seen.push('first page served');
          // The page tells the engine once the rows are drawn: the run goes on then.
          await big.previewShown('big');
          return { rows: rowsFromArrow(p.arrow).length, total: p.totalRows };
        });
      }
    };
    const result = await big.runFlow(flowOf([importBlock('big', 'big.csv')], []), 1, onBlock);
    expect(seen).toEqual(['running (first rows)', 'first page served', 'fresh 3000']);
    expect(await firstPage).toEqual({ rows: 50, total: 1000 });
    expect(byId(result.blocks).big?.partial).toBeUndefined();
    expect((await big.preview({ blockId: 'big', port: 'out', offset: 0, limit: 10 })).totalRows).toBe(3000);
    await ownDb.close();
  });

  it('pages and sorts previews in SQL, with the total row count', async () => {
    await session.runFlow(ratingsFlow(), 4);
    const page = await session.preview({ blockId: 'double', port: 'out', offset: 1, limit: 2, sort: [{ column: 'Rating', descending: true }] });
    expect(page.totalRows).toBe(4);
    expect(tableFromIPC(page.arrow).toArray().map((r: { toJSON(): Record<string, unknown> }) => r.toJSON().userId)).toEqual(['u2', 'u1']);
    await expect(session.preview({ blockId: 'double', port: 'out', offset: 0, limit: 2, sort: [{ column: 'nope', descending: false }] })).rejects.toMatchObject({ code: 'E_COLUMN_MISSING' });
    await expect(session.preview({ blockId: 'nope', port: 'out', offset: 0, limit: 2 })).rejects.toMatchObject({ code: 'E_NO_RESULT' });
  });

  it('profiles and charts a block output', async () => {
    await session.runFlow(ratingsFlow(), 5);
    const profile = await session.profile('double', 'out');
    expect(profile).toMatchObject({ rows: 4, duplicateRows: 0, sparsity: { userColumn: 'userId', itemColumn: 'trackId', users: 3, items: 3, ratings: 4 } });
    expect(profile.columns.find((c) => c.name === 'double')).toMatchObject({ min: 2, max: 10, mean: 6.5 });
    expect(await session.chart({ blockId: 'double', port: 'out', kind: 'bar', x: 'userId', limit: 2 })).toEqual({ kind: 'bar', x: ['u1', 'u2'], z: [2, 1], sampled: false });
  });

  it('writes an export byte for byte as the CLI does', async () => {
    const flow = ratingsFlow();
    await session.runFlow(flow, 6);
    const file = await session.exportFile('export');
    const dir = mkdtempSync(join(tmpdir(), 'wrangle-session-'));
    writeFileSync(join(dir, 'ratings.csv'), RATINGS);
    const native = await NativeRunner.open({ readableFiles: [join(dir, 'ratings.csv')], writableDirectories: [dir], threads: 2 });
    try {
      const inputs = { ratings: { path: join(dir, 'ratings.csv'), fingerprint: 'x' } };
      await new FlowExecutor(native).run(flow, { preset: 'cli', inputs, sinkPath: (f) => join(dir, f) });
    } finally {
      native.close();
    }
    expect(file.fileName).toBe('out.csv');
    expect(new TextDecoder().decode(file.bytes)).toBe(readFileSync(join(dir, 'out.csv'), 'utf8'));
    expect(new TextDecoder().decode(file.bytes)).toContain("'=1+1");
    await expect(session.exportFile('double')).rejects.toMatchObject({ code: 'E_NO_RESULT' });
  });

  it('downloads an output as spreadsheet-safe CSV or as Parquet', async () => {
    await session.runFlow(ratingsFlow(), 8);
    const csv = new TextDecoder().decode(await session.download('ratings', 'out', 'csv'));
    expect(csv).toBe("userId,trackId,Rating,note\nu1,t1,5,ok\nu1,t2,3,'=1+1\nu2,t1,4,ok\nu3,t3,1,\n");
    const parquet = await session.download('ratings', 'out', 'parquet');
    const rows = rowsFromArrow(codec.toArrow(parquet));
    expect(rows.map((r) => [r.userId, r.Rating, r.note])).toEqual([
      ['u1', 5, 'ok'],
      ['u1', 3, '=1+1'],
      ['u2', 4, 'ok'],
      ['u3', 1, null],
    ]);
  });

  it('reads Parquet, JSON and JSON-lines inputs through tables, CSV by file', async () => {
    const ipc = tableToIPC(tableFromArrays({ id: Int32Array.from([1, 2, 3]), name: ['a', 'b', null] }), 'stream');
    await session.registerFile('p', 'p.parquet', codec.fromArrow(ipc));
    await session.registerFile('j', 'j.json', new TextEncoder().encode('[{"id": 1, "name": "a"}, {"id": 2, "name": null}]'));
    await session.registerFile('l', 'l.jsonl', new File(['{"id": 1, "name": "a"}\n{"id": 5, "name": "e"}\n\n'], 'l.jsonl'));
    const flow = flowOf([importBlock('p', 'p.parquet', 'parquet'), importBlock('j', 'j.json', 'json'), importBlock('l', 'l.jsonl', 'jsonl')], []);
    const states = byId((await session.runFlow(flow, 9)).blocks);
    expect([states.p?.rows, states.j?.rows, states.l?.rows]).toEqual([3, 2, 2]);
    expect(states.p?.outputs.out?.map((c) => c.name)).toEqual(['id', 'name']);
    const page = rowsFromArrow((await session.preview({ blockId: 'l', port: 'out', offset: 0, limit: 10, sort: [{ column: 'id', descending: true }] })).arrow);
    expect(page).toEqual([
      { id: 5, name: 'e' },
      { id: 1, name: 'a' },
    ]);
  });

  it('reports an unreadable input on its import block, and blocks what depends on it', async () => {
    await session.registerFile('bad', 'bad.parquet', new TextEncoder().encode('not parquet'));
    const flow = flowOf(
      [importBlock('bad', 'bad.parquet', 'parquet'), { id: 'f', kind: 'filter', params: { condition: 'true' } }],
      [['bad', 'out', 'f', 'in']],
    );
    const states = byId((await session.runFlow(flow, 10)).blocks);
    expect(states.bad).toMatchObject({ status: 'error', error: { code: 'E_INPUT_READ', blockId: 'bad' } });
    expect(states.f?.status).toBe('blocked');
    await expect(session.preview({ blockId: 'bad', port: 'out', offset: 0, limit: 1 })).rejects.toMatchObject({ code: 'E_NO_RESULT' });
  });

  it('refuses an empty file, and recomputes an import when its file is replaced', async () => {
    await expect(session.registerFile('ratings', 'ratings.csv', new Uint8Array())).rejects.toMatchObject({ code: 'E_INPUT_EMPTY' });
    await session.runFlow(ratingsFlow(), 11);
    await session.registerFile('ratings', 'ratings.csv', new TextEncoder().encode('userId,trackId,Rating,note\nu9,t9,2,x\n'));
    const states = byId((await session.runFlow(ratingsFlow(), 12)).blocks);
    expect([states.ratings?.cached, states.ratings?.rows, states.double?.rows]).toEqual([undefined, 1, 1]);
    await session.registerFile('ratings', 'ratings.csv', new TextEncoder().encode(RATINGS));
  });

  it('looks up a column of another output for each item of a page, joined in SQL by their key', async () => {
    await session.registerFile('items', 'items.csv', new TextEncoder().encode('trackId,f0\nt2,0.5\nt1,0.25\nt3,0\n'));
    const flow = flowOf([importBlock('items', 'items.csv'), importBlock('ratings', 'ratings.csv')], []);
    await session.runFlow(flow, 15);
    const ask = { items: { blockId: 'items', port: 'out', key: 'trackId' }, limit: 5000 };
    const mean = rowsFromArrow(await session.itemValues({ ...ask, from: { blockId: 'ratings', port: 'out', key: 'trackId', column: 'Rating' } }));
    expect(Object.fromEntries(mean.map((r) => [r.key, r.value]))).toEqual({ t1: 4.5, t2: 3, t3: 1 });
    const text = rowsFromArrow(await session.itemValues({ ...ask, from: { blockId: 'ratings', port: 'out', key: 'trackId', column: 'userId' } }));
    expect(Object.fromEntries(text.map((r) => [r.key, r.value]))).toEqual({ t1: 'u1', t2: 'u1', t3: 'u3' });
    await expect(session.itemValues({ ...ask, from: { blockId: 'ratings', port: 'out', key: 'trackId', column: 'genre' } })).rejects.toMatchObject({
      code: 'E_COLUMN_MISSING',
    });
  });

  it('forgets an unregistered input: its import asks for a file again instead of reading the old one', async () => {
    await session.registerFile('gone', 'gone.csv', new TextEncoder().encode('a\n1\n'));
    const flow = flowOf([importBlock('gone', 'gone.csv')], []);
    expect(byId((await session.runFlow(flow, 13)).blocks).gone).toMatchObject({ status: 'fresh', rows: 1 });
    await session.unregisterFile('gone');
    expect(byId((await session.runFlow(flow, 14)).blocks).gone).toMatchObject({ status: 'error', error: { code: 'E_INPUT_UNMAPPED', blockId: 'gone' } });
  });
});
