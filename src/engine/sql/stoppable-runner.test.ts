import { describe, expect, it } from 'vitest';
import { CANCELLED_STATEMENT, isCancelledStatement, type SqlRunner } from './sql-runner';
import { StoppableRunner } from './stoppable-runner';

/** A runner whose statements run until cancelled (`endless`) or answer at once; it counts the cancels it hears. */
function fakeRunner() {
  const pending = new Set<(e: Error) => void>();
  const log: string[] = [];
  const runner = {
    query: (sql: string) => {
      log.push(sql);
      if (sql !== 'endless') return Promise.resolve([{ x: 42 }]);
      return new Promise((_, reject) => pending.add(reject));
    },
    cancel: () => {
      log.push('cancel');
      for (const reject of pending) reject(new Error(CANCELLED_STATEMENT));
      pending.clear();
      return Promise.resolve();
    },
  } as unknown as SqlRunner;
  return { runner, log };
}

const rejection = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as Error);

describe('StoppableRunner', () => {
  it('stop cancels the statement running now, and every later one rejects as cancelled until resume', async () => {
    const { runner, log } = fakeRunner();
    const stoppable = new StoppableRunner(runner);
    const running = rejection(stoppable.query('endless'));
    await stoppable.stop();
    expect(isCancelledStatement(await running)).toBe(true);
    // A stop that lands between two statements of a block still ends the block: the next one never starts.
    expect(isCancelledStatement(await rejection(stoppable.query('SELECT 42')))).toBe(true);
    expect(log).toEqual(['endless', 'cancel']);
    stoppable.resume();
    expect(await stoppable.query('SELECT 42')).toEqual([{ x: 42 }]);
  });

  it('reports a statement that failed because of the stop as cancelled, whatever it failed with', async () => {
    const inner = { query: () => new Promise((_, reject) => setTimeout(() => reject(new Error('Binder Error: half-done')), 10)), cancel: () => Promise.resolve() } as unknown as SqlRunner;
    const stoppable = new StoppableRunner(inner);
    const running = rejection(stoppable.query('x'));
    await stoppable.stop();
    expect((await running)?.message).toBe(CANCELLED_STATEMENT);
  });

  it('with nothing running, stop returns at once and cancels nothing', async () => {
    const { runner, log } = fakeRunner();
    await new StoppableRunner(runner).stop();
    expect(log).toEqual([]);
  });
});
