import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../engine/flow/schema';
import type { BlockState, EngineApi, EngineRestartReason, TrainingEvent } from '../../worker/engine-api';
import { createEngineClient, type EngineWorker } from './engine-client';
import { EngineError } from './engine-error';

/** An engine "worker" on a MessageChannel, with a scripted API: no DuckDB, so restarts can be checked exactly. */
class FakeWorkers {
  readonly log: string[] = [];
  readonly workers: { port: MessagePort; terminated: boolean }[] = [];

  make = (): EngineWorker => {
    const { port1, port2 } = new MessageChannel();
    const n = this.workers.length;
    const record = { port: port1, terminated: false };
    this.workers.push(record);
    const log = (line: string) => this.log.push(`${n}: ${line}`);
    const api: EngineApi = {
      init: () => Promise.resolve({ version: `fake ${n}` }),
      registerFile: (name, fileName) => {
        log(`register ${name} ${fileName}`);
        return Promise.resolve();
      },
      unregisterFile: (name) => {
        log(`unregister ${name}`);
        return Promise.resolve();
      },
      runFlow: async (flow, runId, onBlock, onTraining, options) => {
        await onTraining?.({ type: 'start', blockId: 'a', backend: 'wasm SIMD × 1 thread' });
        await onBlock?.({ blockId: 'a', status: 'fresh', outputs: {} });
        log(`run ${runId}${options?.holdTraining?.length ? ` holding ${options.holdTraining.join(',')}` : ''}`);
        return { runId, blocks: [] };
      },
      cancelTraining: (blockId) => {
        log(`cancel training ${blockId}`);
        return Promise.resolve();
      },
      cancelRun: () => {
        log('cancel run');
        return Promise.resolve();
      },
      // Never answers: a call in flight when the worker goes away.
      preview: () => new Promise(() => undefined),
      // Engine errors cross as plain `{ code, message, blockId }`.
      focus: () => Promise.resolve(),
      previewShown: () => Promise.resolve(),
      profile: () => Promise.reject({ code: 'E_NO_RESULT', message: 'Block "b" has no result yet.', blockId: 'b' }),
      // A wasm trap: the engine is broken and must be rebuilt.
      chart: () => Promise.reject(new Error('RuntimeError: memory access out of bounds')),
      itemValues: () => Promise.resolve(new Uint8Array([5])),
      download: () => Promise.resolve(new Uint8Array([1, 2, 3])),
      exportFile: () => Promise.resolve({ fileName: 'x.csv', bytes: new Uint8Array([4]) }),
      pysparkJob: () => Promise.resolve('job'),
    };
    Comlink.expose(api, port2);
    return Object.assign(port1 as unknown as EngineWorker, {
      terminate: () => {
        record.terminated = true;
        port1.close();
        port2.close();
      },
    });
  };

  /** Fires the worker's `error` event, as an uncaught error in the worker would. */
  crash(i: number): void {
    this.workers[i]!.port.dispatchEvent(new Event('error'));
  }
}

const flow = { format: 'wrangle-flow', version: 1, blocks: [], edges: [] } as unknown as FlowDocument;

function setup() {
  const fake = new FakeWorkers();
  const client = createEngineClient(fake.make);
  const restarts: EngineRestartReason[] = [];
  client.onRestart((r) => restarts.push(r));
  return { fake, client, restarts };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('EngineClient', () => {
  it('passes calls to the worker and streams block states back', async () => {
    const { client } = setup();
    expect(await client.init()).toEqual({ version: 'fake 0' });
    const states: BlockState[] = [];
    expect(await client.runFlow(flow, 3, (s) => states.push(s))).toEqual({ runId: 3, blocks: [] });
    expect(states).toEqual([{ blockId: 'a', status: 'fresh', outputs: {} }]);
    expect(await client.download('a', 'out', 'csv')).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('streams training events, passes the held trainings, and hands a cancel to the worker', async () => {
    const { fake, client } = setup();
    const events: TrainingEvent[] = [];
    await client.runFlow(flow, 4, undefined, (e) => events.push(e), { holdTraining: ['als'] });
    await client.cancelTraining('als');
    expect(events).toEqual([{ type: 'start', blockId: 'a', backend: 'wasm SIMD × 1 thread' }]);
    expect(fake.log).toEqual(['0: run 4 holding als', '0: cancel training als']);
  });

  it("hands a Stop's cancel to the worker it has, and keeps that worker", async () => {
    const { fake, client, restarts } = setup();
    await client.cancelRun();
    expect(fake.log).toEqual(['0: cancel run']);
    expect(fake.workers.map((w) => w.terminated)).toEqual([false]);
    expect(restarts).toEqual([]);
  });

  it('re-runs the last flow after a restart with the trainings it held back', async () => {
    const { fake, client } = setup();
    await client.runFlow(flow, 6, undefined, undefined, { holdTraining: ['als'] });
    await client.restart('test-hook');
    await settle();
    expect(fake.log.filter((l) => l.startsWith('1:'))).toEqual(['1: run 6 holding als']);
  });

  it("turns the engine's coded errors into Errors that keep the code and block", async () => {
    const { client } = setup();
    const e = await client.profile('b', 'out').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(EngineError);
    expect(e).toMatchObject({ code: 'E_NO_RESULT', blockId: 'b', message: 'Block "b" has no result yet.' });
  });

  it('restarts: a new worker gets every file again, the last flow re-runs, listeners hear why, calls in flight fail', async () => {
    const { fake, client, restarts } = setup();
    await client.registerFile('tracks', 'tracks.csv', new Uint8Array([1]));
    await client.registerFile('ratings', 'ratings.csv', new Uint8Array([2]));
    await client.runFlow(flow, 5);
    const inFlight = client.preview({ blockId: 'a', port: 'out', offset: 0, limit: 10 }).catch((e: unknown) => e);
    await client.restart('test-hook');
    expect(await inFlight).toMatchObject({ code: 'E_ENGINE_RESTARTED' });
    expect(fake.workers.map((w) => w.terminated)).toEqual([true, false]);
    expect(restarts).toEqual(['test-hook']);
    expect(client.registeredInputs()).toEqual(['tracks', 'ratings']);
    await settle();
    expect(fake.log.filter((l) => l.startsWith('1:'))).toEqual(['1: register tracks tracks.csv', '1: register ratings ratings.csv', '1: run 5']);
    expect(await client.init()).toEqual({ version: 'fake 1' });
  });

  it('does not give a rebuilt engine a file that was unregistered', async () => {
    const { fake, client } = setup();
    await client.registerFile('tracks', 'tracks.csv', new Uint8Array([1]));
    await client.registerFile('ratings', 'ratings.csv', new Uint8Array([2]));
    await client.unregisterFile('ratings');
    expect(client.registeredInputs()).toEqual(['tracks']);
    await client.restart('test-hook');
    await settle();
    expect(fake.log).toEqual(['0: register tracks tracks.csv', '0: register ratings ratings.csv', '0: unregister ratings', '1: register tracks tracks.csv']);
  });

  it('does not re-run the flow after a cancel', async () => {
    const { fake, client, restarts } = setup();
    await client.runFlow(flow, 1);
    await client.restart('cancelled');
    await settle();
    expect(restarts).toEqual(['cancelled']);
    expect(fake.log.filter((l) => l.startsWith('1:'))).toEqual([]);
  });

  it("restarts as 'crashed' when the worker fails, or when a call hits a broken wasm", async () => {
    const { fake, client, restarts } = setup();
    await client.init();
    fake.crash(0);
    await settle();
    expect(restarts).toEqual(['crashed']);
    await expect(client.chart({ blockId: 'a', port: 'out', kind: 'bar', x: 'x', limit: 5 })).rejects.toThrow(/memory access out of bounds/);
    await settle();
    expect(restarts).toEqual(['crashed', 'crashed']);
    expect(fake.workers).toHaveLength(3);
  });

  it('stops rebuilding an engine that keeps crashing, and says so', async () => {
    const { fake, client } = setup();
    for (let i = 0; i < 6; i++) {
      fake.crash(fake.workers.length - 1);
      await settle();
    }
    await expect(client.init()).rejects.toMatchObject({ code: 'E_ENGINE_BROKEN' });
    await client.restart('test-hook');
    expect(await client.init()).toMatchObject({ version: expect.stringMatching(/^fake/) });
  });
});
