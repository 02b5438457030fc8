import type { ModelReport } from '../model/als-contract';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NativeRunner } from '../../cli/native-runner';
import { tsKernel } from '../../ml/kernels/ts-kernel';
import { localModelHost } from '../../ml/model-host';
import { parseFlow } from '../flow/parse';
import type { ModelHost } from '../model/als-contract';
import { FlowExecutor, type BlockEvent, type ExecuteOptions } from './executor';

let runner: NativeRunner;
let inputs: ExecuteOptions['inputs'];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wrangle-exec-models-'));
  const ratings = join(dir, 'ratings.csv');
  const rows = Array.from({ length: 300 }, (_, e) => `u${e % 30},i${(e * 7) % 20},${1 + ((e * 13) % 5)}`);
  writeFileSync(ratings, `userId,itemId,rating\n${rows.join('\n')}\n`);
  runner = await NativeRunner.open({ readableFiles: [ratings], writableDirectories: [dir], threads: 2 });
  inputs = { ratings: { path: ratings, fingerprint: 'r1' } };
});
afterAll(() => runner.close());

const modelFlow = (maxIter = 3) =>
  parseFlow({
    format: 'wrangle-flow',
    version: 1,
    blocks: [
      { id: 'ratings', kind: 'import', params: { input: 'ratings', file: 'ratings.csv' } },
      { id: 'train', kind: 'train-als', params: { rank: 2, maxIter } },
      { id: 'recs', kind: 'recommend', params: { k: 2, excludeSeen: false } },
    ],
    edges: [
      { from: { block: 'ratings', port: 'out' }, to: { block: 'train', port: 'ratings' } },
      { from: { block: 'train', port: 'users' }, to: { block: 'recs', port: 'users' } },
      { from: { block: 'train', port: 'items' }, to: { block: 'recs', port: 'items' } },
    ],
  });

/** Counts trainings, to see what the cache saves. */
function countingHost(): { host: ModelHost; trainings: () => number } {
  const inner = localModelHost(tsKernel);
  let n = 0;
  return {
    host: { trainAls: (...a) => (n++, inner.trainAls(...a)), topK: (r) => inner.topK(r) },
    trainings: () => n,
  };
}

describe('FlowExecutor with model blocks', () => {
  it('trains once, streams progress per iteration, and reuses the trained tables while nothing upstream changes', async () => {
    const { host, trainings } = countingHost();
    const executor = new FlowExecutor(runner);
    const events: BlockEvent[] = [];
    const opts: ExecuteOptions = { preset: 'inspect', inputs, models: host, onEvent: (e) => events.push(e) };
    const first = await executor.run(modelFlow(), opts);
    expect(first.ok).toBe(true);
    expect(events.filter((e) => e.type === 'progress').map((e) => (e.type === 'progress' ? e.progress.iteration : 0))).toEqual([1, 2, 3]);
    const train = first.blocks.find((b) => b.blockId === 'train')!;
    expect((train.report as ModelReport | undefined)?.history).toHaveLength(3);
    expect(first.blocks.find((b) => b.blockId === 'recs')!.rows).toBe(60);
    const second = await executor.run(modelFlow(), opts);
    expect(trainings()).toBe(1);
    expect(second.blocks.find((b) => b.blockId === 'train')!.cached).toBe(true);
    await executor.run(modelFlow(4), opts);
    expect(trainings()).toBe(2);
  });

  it('a cancelled training ends the run as cancelled, not as a failed block', async () => {
    const controller = new AbortController();
    const r = await new FlowExecutor(runner).run(modelFlow(50), {
      preset: 'inspect',
      inputs,
      models: localModelHost(tsKernel),
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type === 'progress' && e.progress.iteration === 2) controller.abort();
      },
    });
    expect(r.cancelled).toBe(true);
    expect(r.blocks.map((b) => b.blockId)).toEqual(['ratings']);
  });

  it('says plainly when no trainer is available, and a script of the flow leaves the model out', async () => {
    const r = await new FlowExecutor(runner).run(modelFlow(), { preset: 'inspect', inputs });
    expect(r.blocks.find((b) => b.blockId === 'train')!.error?.code).toBe('E_TRAINER_MISSING');
    // Another fingerprint: the script's views must not collide with the tables the run above made on this engine.
    const dry = await new FlowExecutor(runner).run(modelFlow(), { preset: 'script', inputs: { ratings: { ...inputs.ratings!, fingerprint: 'r2' } } });
    expect(dry.script.at(-1)).toContain('-- block "train" (train-als) runs outside SQL');
    expect(dry.blocks.find((b) => b.blockId === 'train')!.status).toBe('blocked');
  });
});
