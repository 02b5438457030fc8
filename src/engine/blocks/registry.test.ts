import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockKinds, blockRegistry } from './registry';

describe('the block registry', () => {
  it('keys every definition by its own kind', () => {
    for (const kind of blockKinds) expect(blockRegistry[kind].kind).toBe(kind);
  });

  it('has every kind the core promises', () => {
    const promised = ['import', 'types', 'one-hot', 'ordinal', 'multi-hot', 'formula', 'sql', 'aggregate', 'filter', 'manage-columns',
      'manage-rows', 'missing', 'scale', 'join', 'concat', 'sample', 'split', 'train-als', 'tune', 'predict', 'evaluate', 'recommend', 'similar-items', 'unsupported', 'export'];
    expect([...blockKinds].sort()).toEqual([...promised].sort());
  });

  it('lists every kind in the README block catalogue', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', '..', 'README.md'), 'utf8');
    const catalogue = readme.slice(readme.indexOf('## Block catalogue'), readme.indexOf('## The flow file'));
    for (const kind of blockKinds) expect(catalogue, kind).toContain(`| \`${kind}\` |`);
  });
});
