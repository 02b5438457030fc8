import { describe, expect, it } from 'vitest';
import { createRequestGate } from './request-gate';

describe('request gate', () => {
  it('lets only the latest request write, whatever order answers arrive in', async () => {
    const gate = createRequestGate();
    const shown: string[] = [];
    const ask = (answer: string, ms: number) => {
      const id = gate.begin();
      return new Promise<void>((resolve) =>
        setTimeout(() => {
          if (gate.isLatest(id)) shown.push(answer);
          resolve();
        }, ms),
      );
    };
    // The older request answers last: it must not overwrite the newer one.
    await Promise.all([ask('old', 30), ask('new', 5)]);
    expect(shown).toEqual(['new']);
  });

  it('makes every pending request stale when invalidated', () => {
    const gate = createRequestGate();
    const id = gate.begin();
    expect(gate.isLatest(id)).toBe(true);
    gate.invalidate();
    expect(gate.isLatest(id)).toBe(false);
  });
});
