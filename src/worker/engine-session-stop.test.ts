import * as parquetWasm from 'parquet-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flowOf } from '../testing/flow-of';
import { openWasmInNode, type WasmInNode } from '../testing/wasm-in-node';
import type { BlockState } from './engine-api';
import { EngineSession } from './engine-session';
import { parquetCodec } from './parquet-codec';

const RATINGS = 'userId,trackId,Rating\nu1,t1,5\nu1,t2,3\nu2,t1,4\n';
/** Keeps DuckDB busy for minutes: a sum over fifty billion generated rows. */
const ENDLESS = '(SELECT sum(range % 7) FROM range(50000000000)) + Rating';
const codec = parquetCodec(parquetWasm);

const flow = (expression: string) =>
  flowOf(
    [
      { id: 'ratings', kind: 'import', params: { input: 'ratings', file: 'ratings.csv', format: 'csv' } },
      { id: 'double', kind: 'formula', params: { column: 'double', expression } },
      { id: 'export', kind: 'export', params: { file: 'out.csv' } },
      // Another branch, which the run reaches only after the endless block.
      { id: 'triple', kind: 'formula', params: { column: 'triple', expression: 'Rating * 3' } },
    ],
    [
      ['ratings', 'out', 'double', 'in'],
      ['double', 'out', 'export', 'in'],
      ['ratings', 'out', 'triple', 'in'],
    ],
  );

const statusById = (states: BlockState[]) => Object.fromEntries(states.map((s) => [s.blockId, `${s.status}${s.error ? ` ${s.error.code}` : ''}`]));

let db: WasmInNode;
let session: EngineSession;

beforeAll(async () => {
  db = await openWasmInNode();
  session = await EngineSession.open(db, () => Promise.resolve(codec));
  await session.registerFile('ratings', 'ratings.csv', new TextEncoder().encode(RATINGS));
});
afterAll(() => db.close());

describe('EngineSession.cancelRun on duckdb-wasm', () => {
  it('cancels the running query: the run ends with it and what follows stopped, and keeps the finished results and the files', async () => {
    const first = await session.runFlow(flow('Rating * 2'), 1);
    expect(first.blocks.map((b) => b.blockId)).toEqual(['ratings', 'double', 'export', 'triple']);
    expect(statusById(first.blocks)).toEqual({ ratings: 'fresh', double: 'fresh', export: 'fresh', triple: 'fresh' });

    const running = session.runFlow(flow(ENDLESS), 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const asked = performance.now();
    await session.cancelRun();
    const tookMs = performance.now() - asked;
    console.log(`cancelRun took ${Math.round(tookMs)} ms`);
    const stopped = await running;
    expect(statusById(stopped.blocks)).toEqual({ ratings: 'fresh', double: 'cancelled E_RUN_STOPPED', export: 'cancelled E_RUN_STOPPED' });
    // DuckDB checks about every 100 ms; a generous bound, since the machines are shared.
    expect(tookMs).toBeLessThan(10_000);

    // The import's result is still there, and its file is still registered: no recompute, no new registration. The
    // other branch, which the run had not reached, keeps its result too.
    for (const blockId of ['ratings', 'triple']) expect((await session.preview({ blockId, port: 'out', offset: 0, limit: 10 })).totalRows).toBe(3);
    await expect(session.preview({ blockId: 'double', port: 'out', offset: 0, limit: 10 })).rejects.toMatchObject({ code: 'E_NO_RESULT' });
    const again = await session.runFlow(flow('Rating * 3'), 3);
    expect(statusById(again.blocks)).toEqual({ ratings: 'fresh', double: 'fresh', export: 'fresh', triple: 'fresh' });
    expect(again.blocks.filter((b) => b.cached).map((b) => b.blockId)).toEqual(['ratings', 'triple']);
  });

  it('does nothing when no run is in progress, and the next run runs as usual', async () => {
    await session.cancelRun();
    const run = await session.runFlow(flow('Rating * 4'), 4);
    expect(statusById(run.blocks)).toEqual({ ratings: 'fresh', double: 'fresh', export: 'fresh', triple: 'fresh' });
  });

  it('ends a run queued behind the running one too', async () => {
    const running = session.runFlow(flow(ENDLESS), 5);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const queued = session.runFlow(flow(`${ENDLESS} + 1`), 6);
    await session.cancelRun();
    expect(statusById((await running).blocks)).toMatchObject({ double: 'cancelled E_RUN_STOPPED' });
    expect((await queued).blocks).toEqual([]);
  });
});
