import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseFlow } from '../../engine/flow/parse';
import { CONFLICT_MESSAGE, startAutosave } from './autosave';
import { decideSave } from './autosave-conflict';
import { createStudioStore, type StudioStore } from './create-store';
import { memoryFlowStorage } from './memory-flow-storage';

describe('decideSave', () => {
  it('saves into an empty slot as revision 1', () => {
    expect(decideSave(undefined, 0, 'a')).toEqual({ kind: 'save', revision: 1 });
  });

  it('saves over the revision this tab last knew, one higher', () => {
    expect(decideSave({ revision: 4, tabId: 'b' }, 4, 'a')).toEqual({ kind: 'save', revision: 5 });
  });

  it('is a conflict when another tab stored a newer revision', () => {
    expect(decideSave({ revision: 5, tabId: 'b' }, 4, 'a')).toEqual({ kind: 'conflict', theirRevision: 5 });
  });

  it("is no conflict when the newer revision is this tab's own", () => {
    expect(decideSave({ revision: 5, tabId: 'a' }, 4, 'a')).toEqual({ kind: 'save', revision: 6 });
  });

  it('treats a record from before revisions as revision 0', () => {
    expect(decideSave({}, 0, 'a')).toEqual({ kind: 'save', revision: 1 });
  });
});

describe('two tabs autosaving one flow', () => {
  let tabA: StudioStore;
  let tabB: StudioStore;
  const storage = memoryFlowStorage();
  const conflictNotice = (tab: StudioStore) => tab.getState().notices.find((n) => n.message === CONFLICT_MESSAGE);

  beforeEach(async () => {
    vi.useFakeTimers();
    storage.saved.length = 0;
    tabA = createStudioStore();
    tabB = createStudioStore();
    startAutosave(tabA, storage, vi.fn(), { tabId: 'A' });
    startAutosave(tabB, storage, vi.fn(), { tabId: 'B' });
    tabA.actions.rename('Edited in A');
    await vi.advanceTimersByTimeAsync(1000);
    expect(tabA.getState().saveStatus).toBe('saved');
    tabB.actions.rename('Edited in B');
    await vi.advanceTimersByTimeAsync(1000);
  });
  afterEach(() => vi.useRealTimers());

  it("does not overwrite the other tab's save, asks, and never says saved", () => {
    expect(storage.saved).toHaveLength(1);
    expect(parseFlow(storage.saved[0]!.flow).name).toBe('Edited in A');
    expect(tabB.getState().saveStatus).toBe('failed');
    const notice = conflictNotice(tabB);
    expect(notice?.action?.label).toBe('Load theirs');
    expect(notice?.action?.alternative?.label).toBe('Keep mine');
    expect(tabB.getState().doc.name).toBe('Edited in B');
  });

  it('asks once while edits continue, and still writes nothing', async () => {
    tabB.actions.rename('Edited in B again');
    await vi.advanceTimersByTimeAsync(1000);
    expect(tabB.getState().notices.filter((n) => n.message === CONFLICT_MESSAGE)).toHaveLength(1);
    expect(storage.saved).toHaveLength(1);
    expect(tabB.getState().saveStatus).toBe('failed');
  });

  it('asks again on the next edit when the question was dismissed unanswered', async () => {
    tabB.actions.dismissNotice(conflictNotice(tabB)!.id);
    tabB.actions.rename('Edited in B again');
    await vi.advanceTimersByTimeAsync(1000);
    expect(conflictNotice(tabB)).toBeDefined();
    expect(storage.saved).toHaveLength(1);
  });

  it('"Keep mine" stores this tab\'s version over theirs, and then A is the one asked', async () => {
    conflictNotice(tabB)!.action!.alternative!.run();
    await vi.advanceTimersByTimeAsync(0);
    expect(parseFlow(storage.saved.at(-1)!.flow).name).toBe('Edited in B');
    expect(tabB.getState().saveStatus).toBe('saved');
    tabA.actions.rename('A again');
    await vi.advanceTimersByTimeAsync(1000);
    expect(conflictNotice(tabA)).toBeDefined();
    expect(parseFlow(storage.saved.at(-1)!.flow).name).toBe('Edited in B');
  });

  it('"Load theirs" replaces the document as one undo step, then saves it', async () => {
    conflictNotice(tabB)!.action!.run();
    expect(tabB.getState().doc.name).toBe('Edited in A');
    await vi.advanceTimersByTimeAsync(1000);
    expect(tabB.getState().saveStatus).toBe('saved');
    expect(parseFlow(storage.saved.at(-1)!.flow).name).toBe('Edited in A');
    tabB.actions.undo();
    expect(tabB.getState().doc.name).toBe('Edited in B');
  });
});

describe('a tab that is idle when another tab saves', () => {
  const conflictNotice = (tab: StudioStore) => tab.getState().notices.find((n) => n.message === CONFLICT_MESSAGE);
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('is asked at once, keeps saying saved, and says not saved as soon as it is edited', async () => {
    const storage = memoryFlowStorage();
    const tabA = createStudioStore();
    const idle = createStudioStore();
    startAutosave(tabA, storage, vi.fn(), { tabId: 'A' });
    startAutosave(idle, storage, vi.fn(), { tabId: 'idle' });
    tabA.actions.rename('Edited in A');
    await vi.advanceTimersByTimeAsync(1000);
    expect(conflictNotice(idle)).toBeDefined();
    // What the idle tab shows is stored (as the older revision): not a failure yet.
    expect(idle.getState().saveStatus).toBe('saved');
    idle.actions.rename('Edited in the idle tab');
    expect(idle.getState().saveStatus).toBe('failed');
    await vi.advanceTimersByTimeAsync(1000);
    expect(storage.saved.map((r) => parseFlow(r.flow).name)).toEqual(['Edited in A']);
    expect(idle.getState().notices.filter((n) => n.message === CONFLICT_MESSAGE)).toHaveLength(1);
    conflictNotice(idle)!.action!.run();
    expect(idle.getState().doc.name).toBe('Edited in A');
  });

  it('still finds the conflict at its next save when no announcement arrives', async () => {
    const storage = memoryFlowStorage();
    storage.announces = false;
    const tabA = createStudioStore();
    const deaf = createStudioStore();
    startAutosave(tabA, storage, vi.fn(), { tabId: 'A' });
    startAutosave(deaf, storage, vi.fn(), { tabId: 'deaf' });
    tabA.actions.rename('Edited in A');
    await vi.advanceTimersByTimeAsync(1000);
    expect(conflictNotice(deaf)).toBeUndefined();
    deaf.actions.rename('Edited without hearing');
    await vi.advanceTimersByTimeAsync(1000);
    expect(conflictNotice(deaf)).toBeDefined();
    expect(deaf.getState().saveStatus).toBe('failed');
    expect(storage.saved.map((r) => parseFlow(r.flow).name)).toEqual(['Edited in A']);
  });

  it('ignores its own saves and stops listening when stopped', async () => {
    const storage = memoryFlowStorage();
    const tab = createStudioStore();
    const other = createStudioStore();
    startAutosave(tab, storage, vi.fn(), { tabId: 'T' });
    const stop = startAutosave(other, storage, vi.fn(), { tabId: 'O' });
    stop();
    tab.actions.rename('Only this tab');
    await vi.advanceTimersByTimeAsync(1000);
    expect(conflictNotice(tab)).toBeUndefined();
    expect(conflictNotice(other)).toBeUndefined();
  });
});
