import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FlowDocument } from '../../engine/flow/schema';
import { emptyFlow, setBlockParams } from './doc-edits';
import { fakeEngine } from './fake-engine';
import type { RunHost } from './run-loop';
import type { Runtime } from './run-state';
import { RunWiring } from './run-wiring';

const doc: FlowDocument = {
  ...emptyFlow(),
  blocks: [
    { id: 'a', kind: 'filter', params: { condition: 'true' } },
    { id: 'b', kind: 'filter', params: { condition: 'true' } },
  ],
} as FlowDocument;

function host(): RunHost {
  let runtime: Runtime = {};
  return {
    getDoc: () => doc,
    getRuntime: () => runtime,
    setRuntime: (next) => (runtime = next),
    getTraining: () => ({}),
    setTraining: () => undefined,
    storeFitted: () => undefined,
    notify: () => 0,
    updateNotice: () => undefined,
  };
}

describe('RunWiring', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs nothing before an engine is attached', () => {
    const wiring = new RunWiring(10);
    wiring.rerun(emptyFlow(), doc);
    wiring.runAll(doc);
    expect([wiring.engine(), wiring.runLoop(), wiring.latestRunId()]).toEqual([undefined, undefined, 0]);
  });

  it('hands the engine to whoever waited for it', async () => {
    const wiring = new RunWiring(10);
    const engine = fakeEngine();
    wiring.attach(engine, host());
    await expect(wiring.attached).resolves.toBe(engine);
    expect(wiring.engine()).toBe(engine);
  });

  it('re-runs only when a change affects some block', async () => {
    const wiring = new RunWiring(10);
    const engine = fakeEngine();
    wiring.attach(engine, host());
    wiring.rerun(doc, doc);
    expect(wiring.latestRunId()).toBe(0);
    const edited = setBlockParams(doc, 'b', { condition: 'false' });
    wiring.rerun(doc, edited.ok ? edited.doc : doc, { leading: true });
    expect(wiring.latestRunId()).toBe(1);
    wiring.rerun(doc, doc, { changedInputs: ['nothing-reads-this'] });
    expect(wiring.latestRunId()).toBe(1);
    wiring.runAll(doc);
    await vi.advanceTimersByTimeAsync(10);
    expect(wiring.latestRunId()).toBe(2);
    expect(engine.runs.at(-1)?.runId).toBe(2);
  });

  it('replaces the run loop when an engine is attached again', () => {
    const wiring = new RunWiring(10);
    wiring.attach(fakeEngine(), host());
    const first = wiring.runLoop();
    const dispose = vi.spyOn(first!, 'dispose');
    wiring.attach(fakeEngine(), host());
    expect(dispose).toHaveBeenCalledOnce();
    expect(wiring.runLoop()).not.toBe(first);
  });
});
