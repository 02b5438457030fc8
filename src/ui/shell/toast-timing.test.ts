import { describe, expect, it } from 'vitest';
import { toastLifetime } from './toast-timing';

describe('how long a toast stays', () => {
  it('goes sooner the less it matters', () => {
    expect(toastLifetime({ kind: 'info' })).toBe(5_000);
    expect(toastLifetime({ kind: 'success' })).toBe(5_000);
    expect(toastLifetime({ kind: 'warning' })).toBe(8_000);
    expect(toastLifetime({ kind: 'error' })).toBe(15_000);
  });

  it('stays until the user chooses when it asks for a choice', () => {
    expect(toastLifetime({ kind: 'error', action: { label: 'Download the flow', run: () => {} } })).toBeUndefined();
  });
});
