import type { ModelReport } from '../engine/model/als-contract';
import * as parquetWasm from 'parquet-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFlow } from '../engine/flow/parse';
import type { FlowDocument } from '../engine/flow/schema';
import { tsKernel } from '../ml/kernels/ts-kernel';
import { localModelHost } from '../ml/model-host';
import { openWasmInNode, type WasmInNode } from '../testing/wasm-in-node';
import type { BlockState, TrainingEvent } from './engine-api';
import { EngineSession } from './engine-session';
import { parquetCodec } from './parquet-codec';

/** 12 users × 8 tracks, each user rating 5 of them: small, and the same on every run. */
function ratingsCsv(): string {
  const lines = ['userId,trackId,Rating'];
  for (let u = 0; u < 12; u++) for (let k = 0; k < 5; k++) lines.push(`U${u},T${(u + 3 * k) % 8},${1 + ((u * 7 + k * 3) % 5)}`);
  return `${lines.join('\n')}\n`;
}

/** ratings → als → a filter on its items; and a second branch, ratings → keep, that does not need the model. */
const trainingFlow = (maxIter: number): FlowDocument =>
  parseFlow({
    format: 'wrangle-flow',
    version: 1,
    blocks: [
      { id: 'ratings', kind: 'import', params: { input: 'ratings', file: 'ratings.csv', format: 'csv' } },
      { id: 'als', kind: 'train-als', params: { userColumn: 'userId', itemColumn: 'trackId', ratingColumn: 'Rating', rank: 3, maxIter } },
      { id: 'items', kind: 'filter', params: { condition: 'f0 IS NOT NULL' } },
      { id: 'keep', kind: 'filter', params: { condition: 'Rating > 1' } },
    ],
    edges: [
      { from: { block: 'ratings', port: 'out' }, to: { block: 'als', port: 'ratings' } },
      { from: { block: 'als', port: 'items' }, to: { block: 'items', port: 'in' } },
      { from: { block: 'ratings', port: 'out' }, to: { block: 'keep', port: 'in' } },
    ],
  });

const byId = (states: BlockState[]) => Object.fromEntries(states.map((s) => [s.blockId, s]));
const codec = parquetCodec(parquetWasm);

let db: WasmInNode;
let session: EngineSession;
let runId = 0;

beforeAll(async () => {
  db = await openWasmInNode();
  session = await EngineSession.open(db, () => Promise.resolve(codec), localModelHost(tsKernel));
  await session.registerFile('ratings', 'ratings.csv', new TextEncoder().encode(ratingsCsv()));
});
afterAll(() => db.close());

describe('EngineSession: training', () => {
  it('streams where the training runs and each iteration, and reports the model with the result', async () => {
    const events: TrainingEvent[] = [];
    const states = byId((await session.runFlow(trainingFlow(4), ++runId, undefined, (e) => events.push(e))).blocks);
    expect(events[0]).toEqual({ type: 'start', blockId: 'als', backend: 'TypeScript × 1 thread' });
    const iterations = events.flatMap((e) => (e.type === 'iteration' ? [e.progress] : []));
    expect(iterations.map((p) => [p.iteration, p.maxIter])).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
    // ALS never raises its objective.
    for (let i = 1; i < iterations.length; i++) expect(iterations[i]!.loss).toBeLessThanOrEqual(iterations[i - 1]!.loss + 1e-12);
    expect(states.als).toMatchObject({ status: 'fresh', report: { users: 12, items: 8, ratings: 60, params: { rank: 3, maxIter: 4 } } });
    expect((states.als?.report as ModelReport | undefined)?.history.map((h) => h.loss)).toEqual(iterations.map((p) => p.loss));
    expect(Object.keys(states.als?.outputs ?? {})).toEqual(['users', 'items', 'summary']);
    expect(states.items).toMatchObject({ status: 'fresh', rows: 8 });
  });

  it('stops a training on cancel: the block is cancelled, what needs it is blocked, the rest still runs', async () => {
    const events: TrainingEvent[] = [];
    const onTraining = (e: TrainingEvent) => {
      events.push(e);
      if (e.type === 'iteration' && e.progress.iteration === 2) void session.cancelTraining('als');
    };
    const states = byId((await session.runFlow(trainingFlow(200), ++runId, undefined, onTraining)).blocks);
    expect(states.als).toMatchObject({ status: 'cancelled', error: { code: 'E_TRAINING_CANCELLED', blockId: 'als' } });
    expect(states.als?.outputs).toEqual({});
    expect(states.items?.status).toBe('blocked');
    expect(states.keep?.status).toBe('fresh');
    expect(events.filter((e) => e.type === 'iteration')).toHaveLength(2);
    const page = await session.preview({ blockId: 'keep', port: 'out', offset: 0, limit: 100 });
    expect(page.totalRows).toBeGreaterThan(0);
  });

  it('holds back a cancelled training in later runs, without training', async () => {
    const events: TrainingEvent[] = [];
    const states = byId((await session.runFlow(trainingFlow(200), ++runId, undefined, (e) => events.push(e), { holdTraining: ['als'] })).blocks);
    expect(states.als?.status).toBe('cancelled');
    expect(events).toEqual([]);
  });

  it('cancels a training the run has not reached yet', async () => {
    const events: TrainingEvent[] = [];
    const onBlock = (s: BlockState) => {
      if (s.blockId === 'ratings') void session.cancelTraining('als');
    };
    const states = byId((await session.runFlow(trainingFlow(150), ++runId, onBlock, (e) => events.push(e))).blocks);
    expect(states.als?.status).toBe('cancelled');
    expect(events).toEqual([]);
  });

  it('serves a trained model from the cache with its report, without training again', async () => {
    await session.runFlow(trainingFlow(4), ++runId);
    const events: TrainingEvent[] = [];
    const states = byId((await session.runFlow(trainingFlow(4), ++runId, undefined, (e) => events.push(e))).blocks);
    expect(states.als).toMatchObject({ status: 'fresh', cached: true, report: { history: expect.any(Array) } });
    expect((states.als?.report as ModelReport | undefined)?.history).toHaveLength(4);
    expect(events).toEqual([]);
  });
});
