import { describe, expect, it } from 'vitest';
import { blockKinds, blockRegistry } from '../../engine/blocks/registry';
import { blockFormRegistry } from './registry';

describe('blockFormRegistry', () => {
  it('has a form for every block kind, and nothing else', () => {
    expect(Object.keys(blockFormRegistry).sort()).toEqual(Object.keys(blockRegistry).sort());
  });

  it.each(blockKinds)('%s has a named function component', (kind) => {
    const form = blockFormRegistry[kind];
    expect(typeof form).toBe('function');
    expect(form.name).toMatch(/Form$/);
  });

  it('lists the kinds in palette order', () => {
    expect(Object.keys(blockFormRegistry)).toEqual(blockKinds);
  });
});
