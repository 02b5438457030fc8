import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BlockResult } from '../engine/run/executor';
import { PLAIN_HEARTBEAT_MS, progressReporter } from './progress';

const sink = () => {
  const lines: string[] = [];
  return { lines, stream: { write: (s: string) => lines.push(s) } as unknown as NodeJS.WritableStream };
};
const done: BlockResult = { blockId: 'join', status: 'ok', outputs: {}, rows: 1234, seconds: 21 };

describe('progressReporter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('in a plain log, says a long block is still running, then reports it done', () => {
    const { lines, stream } = sink();
    const p = progressReporter(stream, 'plain', () => 'Join (join)');
    p.onEvent({ type: 'start', blockId: 'join', index: 4, total: 12 });
    expect(lines).toEqual([]);
    vi.advanceTimersByTime(2 * PLAIN_HEARTBEAT_MS);
    expect(lines).toEqual(['[5/12] Join (join): still running, 10s\n', '[5/12] Join (join): still running, 20s\n']);
    p.onEvent({ type: 'done', blockId: 'join', index: 4, total: 12, result: done });
    vi.advanceTimersByTime(2 * PLAIN_HEARTBEAT_MS);
    expect(lines.slice(2)).toEqual(['[5/12] Join (join): 1,234 rows  21.00s\n']);
  });

  it('prints nothing in quiet (--json) mode', () => {
    const { lines, stream } = sink();
    const p = progressReporter(stream, 'quiet', () => 'x');
    p.onEvent({ type: 'start', blockId: 'join', index: 0, total: 1 });
    vi.advanceTimersByTime(3 * PLAIN_HEARTBEAT_MS);
    p.onEvent({ type: 'done', blockId: 'join', index: 0, total: 1, result: done });
    expect(lines).toEqual([]);
  });
});
