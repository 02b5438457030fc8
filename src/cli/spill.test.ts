import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { classifyError } from '../engine/run/classify-error';
import { DEFAULT_MEMORY_SHARE, parseMemoryLimit } from './memory-limit';
import { NativeRunner } from './native-runner';
import { SpillDirectory } from './spill-directory';

const parent = mkdtempSync(join(tmpdir(), 'wrangle-spill-test-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe('--memory-limit', () => {
  const machine = 24 * 2 ** 30;
  it.each([
    [undefined, Math.floor(machine * DEFAULT_MEMORY_SHARE)],
    ['4GB', 4e9],
    ['4 GiB', 4 * 2 ** 30],
    ['512MiB', 512 * 2 ** 20],
    ['1.5gb', 1.5e9],
    ['50%', machine / 2],
  ])('%s is %d bytes', (text, bytes) => {
    expect(parseMemoryLimit(text, machine)).toBe(bytes);
  });

  it.each(['', 'lots', '4', '4XB', '-1GB', '101%', '1MB'])('"%s" is a usage error', (text) => {
    expect(() => parseMemoryLimit(text, machine)).toThrow(/--memory-limit expects a size such as 4GB/);
  });
});

describe('the spill directory', () => {
  it('is removed with whatever DuckDB left in it', () => {
    const spill = SpillDirectory.create(parent);
    expect(readdirSync(parent)).toEqual([spill.root.split('/').pop()]);
    spill.remove();
    spill.remove();
    expect(readdirSync(parent)).toEqual([]);
  });

  it('refuses a --temp-dir that does not exist, or is too long a path to spill under', () => {
    expect(() => SpillDirectory.create(join(parent, 'missing'))).toThrow(/--temp-dir must be an existing directory/);
    const long = join(parent, ...Array<string>(16).fill('x'.repeat(250)));
    mkdirSync(long, { recursive: true });
    expect(() => SpillDirectory.create(long)).toThrow(/is too long a path to spill under/);
    expect(readdirSync(long)).toEqual([]);
    expect(existsSync(join(parent, 'missing'))).toBe(false);
  });
});

describe('running out of memory', () => {
  it('is E_OUT_OF_MEMORY, which names the CLI flags instead of the settings the locked sandbox refuses', async () => {
    const runner = await NativeRunner.open({ readableFiles: [], writableDirectories: [], memoryLimitBytes: 16 * 2 ** 20, threads: 1 });
    try {
      const error = await runner.exec("CREATE TABLE t AS SELECT i, repeat('x', 60) || i AS s FROM range(2000000) t(i)").catch((e: unknown) => e);
      const classified = classifyError(error, 'join');
      expect(classified.code).toBe('E_OUT_OF_MEMORY');
      expect(classified.message).toMatch(/^The engine ran out of memory \(could not allocate block of size .*\)\. With wrangle run, raise --memory-limit/);
      expect(classified.message).toContain('--temp-dir');
      expect(classified.message).not.toMatch(/SET |preserve_insertion_order/);
    } finally {
      runner.close();
    }
  });
});
