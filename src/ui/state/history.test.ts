import { describe, expect, it } from 'vitest';
import { emptyFlow, renameFlow } from './doc-edits';
import { EditHistory, type DocChange } from './history';

function history(limit?: number): { h: EditHistory; changes: DocChange[] } {
  const changes: DocChange[] = [];
  return { h: new EditHistory(emptyFlow(), (c) => changes.push(c), limit), changes };
}

describe('EditHistory', () => {
  it('commits an edit as one undo step and reports it, to be re-run', () => {
    const { h, changes } = history();
    const start = h.present();
    const next = renameFlow(start, 'A');
    h.commit(next);
    expect(h.present()).toBe(next);
    expect(h.canUndo()).toBe(true);
    expect(changes).toEqual([{ prev: start, next, rerun: true }]);
  });

  it('keeps computed state out of the steps, and can skip the re-run', () => {
    const { h, changes } = history();
    const next = renameFlow(h.present(), 'fitted');
    h.commit(next, { undoable: false, rerun: false });
    expect(h.canUndo()).toBe(false);
    expect(changes.at(-1)?.rerun).toBe(false);
  });

  it('reports nothing for a commit or step that changes nothing', () => {
    const { h, changes } = history();
    h.commit(h.present());
    h.step('undo');
    h.step('redo');
    expect(changes).toEqual([]);
  });

  it('steps back and forth through the very documents it was given', () => {
    const { h, changes } = history();
    const a = h.present();
    const b = renameFlow(a, 'B');
    h.commit(b);
    h.step('undo');
    expect(h.present()).toBe(a);
    expect(h.canRedo()).toBe(true);
    h.step('redo');
    expect(h.present()).toBe(b);
    expect(changes.slice(1)).toEqual([
      { prev: b, next: a, rerun: true },
      { prev: a, next: b, rerun: true },
    ]);
  });

  it('keeps at most `limit` steps, and restarts with none', () => {
    const { h, changes } = history(2);
    for (const name of ['1', '2', '3']) h.commit(renameFlow(h.present(), name));
    h.step('undo');
    h.step('undo');
    expect(h.canUndo()).toBe(false);
    const before = h.present();
    const fresh = emptyFlow('fresh');
    const reported = changes.length;
    expect(h.restart(fresh)).toBe(before);
    expect([h.present(), h.canUndo(), h.canRedo(), changes.length]).toEqual([fresh, false, false, reported]);
  });
});
