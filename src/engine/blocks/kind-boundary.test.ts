import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockKinds } from './registry';

/**
 * A kind's behaviour stays in its folders: outside `engine/blocks/<kind>/`, `ui/blocks/<kind>/` and the two
 * registries (the PySpark emitters' too), no code branches on a kind name or imports from a kind's folder. Tests and test support may (they test
 * one kind through the hosts).
 */
const src = join(__dirname, '..', '..');
const registries = ['engine/blocks/registry.ts', 'engine/blocks/spark-registry.ts', 'ui/blocks/registry.ts', 'ui/blocks/hook-registry.ts'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

const ownFolder = (file: string): string | undefined => /^(?:engine|ui)\/blocks\/([a-z-]+)\//.exec(file)?.[1];
const checked = sourceFiles(src)
  .map((path) => ({ path, file: relative(src, path).split('\\').join('/') }))
  // Test support drives one kind through the hosts; the PySpark reader branches on PySpark's method names (filter, join).
  .filter(({ file }) => !registries.includes(file) && !file.startsWith('testing/') && !file.startsWith('importers/dw/pyspark/'));

describe('the kind boundary', () => {
  it('has source files to check', () => expect(checked.length).toBeGreaterThan(300));

  it('no code outside a kind’s folders branches on its name', () => {
    const found: string[] = [];
    for (const { path, file } of checked) {
      const text = readFileSync(path, 'utf8');
      for (const kind of blockKinds) {
        if (ownFolder(file) === kind) continue;
        const literal = `'${kind}'`;
        const branch = new RegExp(`(kind\\s*[!=]==?\\s*${literal}|${literal}\\s*[!=]==?\\s*[\\w.]*kind\\b|case\\s+${literal}\\s*:)`);
        if (branch.test(text)) found.push(`${file}: ${kind}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('no code outside a kind’s folders imports from them', () => {
    const found: string[] = [];
    for (const { path, file } of checked) {
      const text = readFileSync(path, 'utf8');
      for (const m of text.matchAll(/from '([^']+)'/g)) {
        const target = relative(src, join(path, '..', m[1]!)).split('\\').join('/');
        const kind = /^engine\/blocks\/([a-z-]+)\//.exec(target)?.[1];
        if (kind !== undefined && ownFolder(file) !== kind) found.push(`${file} imports ${target}`);
      }
    }
    expect(found).toEqual([]);
  });
});
