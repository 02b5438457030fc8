import * as parquetWasm from 'parquet-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flowOf } from '../testing/flow-of';
import { openWasmInNode, type WasmInNode } from '../testing/wasm-in-node';
import { rowsFromArrow } from './arrow-rows';
import type { BlockState } from './engine-api';
import { EngineSession } from './engine-session';
import { estimateRows } from './input-files';
import { parquetCodec } from './parquet-codec';

const codec = parquetCodec(parquetWasm);
let db: WasmInNode;
let session: EngineSession;

const ROWS = 5000;
const csv = ['userId,trackId,Rating', ...Array.from({ length: ROWS }, (_, i) => `u${i % 97},t${i % 389},${(i % 5) + 1}`)].join('\n') + '\n';
const flow = flowOf(
  [
    { id: 'ratings', kind: 'import', params: { input: 'ratings', file: 'ratings.csv' } },
    { id: 'double', kind: 'formula', params: { column: 'double', expression: 'Rating * 2' } },
    { id: 'export', kind: 'export', params: { file: 'out.csv' } },
  ],
  [
    ['ratings', 'out', 'double', 'in'],
    ['double', 'out', 'export', 'in'],
  ],
);
const byId = (states: BlockState[]) => Object.fromEntries(states.map((s) => [s.blockId, s]));
const allRows = async (blockId: string) => rowsFromArrow((await session.preview({ blockId, port: 'out', offset: 0, limit: 10_000, sort: [{ column: 'userId', descending: false }, { column: 'trackId', descending: false }] })).arrow);

beforeAll(async () => {
  db = await openWasmInNode();
  session = await EngineSession.open(db, () => Promise.resolve(codec), undefined, { previewHoldMs: 0 });
  await session.registerFile('ratings', 'ratings.csv', new TextEncoder().encode(csv));
});
afterAll(() => db.close());

describe('previews of a big input on a seeded sample', () => {
  it('estimates a text file’s rows from its size and the lines of a few chunks of it', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(estimateRows([bytes('a,b\n1,2\n3,4\n5,')], 1200)).toBe(300);
    // Later chunks count only whole lines: from the first break (ending a line begun before) to the last.
    expect(estimateRows([bytes('a,b\n1,2\n'), bytes('9\n10,20\n30,40\n5')], 1000)).toBe(200);
    expect(estimateRows([bytes('no line break')], 50)).toBe(1);
  });

  it('computes an input with more rows than the sample size, and every block below it, on that many rows', async () => {
    const states = byId((await session.runFlow(flow, 1, undefined, undefined, { sampleRows: 500 })).blocks);
    expect(states.ratings).toMatchObject({ status: 'fresh', rows: 500, sample: { rows: 500, exact: false, inputs: ['ratings'] } });
    expect(states.ratings!.sample!.of).toBeGreaterThan(4500);
    expect(states.ratings!.sample!.of).toBeLessThan(5500);
    expect(states.double).toMatchObject({ status: 'fresh', rows: 500, sample: { rows: 500, inputs: ['ratings'] } });
    expect(states.export?.sample).toMatchObject({ rows: 500 });
  });

  it('draws the same rows every time (seeded), and other rows than the first ones', async () => {
    await session.runFlow(flow, 2, undefined, undefined, { sampleRows: 500 });
    const first = await allRows('ratings');
    // The whole file, then the sample again: recomputed, not served from the cache.
    await session.runFlow(flow, 3);
    await session.runFlow(flow, 4, undefined, undefined, { sampleRows: 500 });
    expect(await allRows('ratings')).toEqual(first);
    const users = new Set(first.map((r) => r.userId));
    expect(users.size).toBeGreaterThan(90);
  });

  it('hashes a sampled result apart from the whole one, so the whole file is never served from a sample', async () => {
    const sampled = byId((await session.runFlow(flow, 5, undefined, undefined, { sampleRows: 500 })).blocks);
    const whole = byId((await session.runFlow(flow, 6, undefined, undefined, { sampleRows: 0 })).blocks);
    expect(whole.ratings).toMatchObject({ status: 'fresh', rows: ROWS });
    expect(whole.ratings?.sample).toBeUndefined();
    expect(whole.double?.rows).toBe(ROWS);
    expect(sampled.double?.rows).toBe(500);
  });

  it('leaves an input with fewer rows than the sample size whole', async () => {
    const states = byId((await session.runFlow(flow, 7, undefined, undefined, { sampleRows: 1_000_000 })).blocks);
    expect(states.ratings).toMatchObject({ status: 'fresh', rows: ROWS });
    expect(states.ratings?.sample).toBeUndefined();
  });

  it('refuses to export from a sample (E_EXPORT_SAMPLED), and exports every row otherwise', async () => {
    await session.runFlow(flow, 8, undefined, undefined, { sampleRows: 500 });
    await expect(session.exportFile('export')).rejects.toMatchObject({ code: 'E_EXPORT_SAMPLED' });
    await session.runFlow(flow, 9);
    const { bytes } = await session.exportFile('export');
    expect(new TextDecoder().decode(bytes).trim().split('\n')).toHaveLength(ROWS + 1);
  });
});
