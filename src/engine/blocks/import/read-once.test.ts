import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NativeRunner } from '../../../cli/native-runner';
import { flowOf } from '../../../testing/flow-of';
import type { SqlRunner } from '../../sql/sql-runner';
import { FlowExecutor, type ExecuteOptions } from '../../run/executor';
import type { RunPresetName } from '../../run/presets';
import type { CsvReadReport } from './csv-report';

/**
 * Where the CLI keeps a CSV import as a table, the strict load is the check (csv-check.ts, loadAsCheck): a clean
 * file is read once instead of checked and then loaded. What a user checks: the same rows and the same report as
 * the studio's check-then-load gives, a clean file read once, and a messy one still described line by line.
 */
// Past the 20,480 rows DuckDB's sniffer samples, so a value further on that does not fit its column's type is news.
const ROWS = 30_000;
let dir: string;
const runners: NativeRunner[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wrangle-read-once-'));
  const lines = Array.from({ length: ROWS }, (_, i) => `${i},${(i * 7) % 13},name ${i}`);
  writeFileSync(join(dir, 'clean.csv'), `id,v,name\n${lines.join('\n')}\n`);
  // Line 1202 has a field too few (padded), line 2403 one too many (left out), line 25001 a value that is not a number.
  const messy = lines.map((l, i) => (i === 1200 ? '1200,4' : i === 2401 ? `${l},extra` : i === 24_999 ? '24999,seven,name 24999' : l));
  writeFileSync(join(dir, 'messy.csv'), `id,v,name\n${messy.join('\n')}\n`);
});
afterAll(() => {
  runners.forEach((r) => r.close());
  rmSync(dir, { recursive: true, force: true });
});

/** The runner, recording every statement it is given. */
function recording(runner: SqlRunner, statements: string[]): SqlRunner {
  return new Proxy(runner, {
    get(target, name) {
      const member = Reflect.get(target, name) as unknown;
      if (typeof member !== 'function') return member;
      if (name === 'exec' || name === 'query') {
        return (sql: string) => {
          statements.push(sql);
          return (member as (sql: string) => Promise<unknown>).call(target, sql);
        };
      }
      return (member as (...args: unknown[]) => unknown).bind(target);
    },
  });
}

async function importAndExport(file: string, preset: RunPresetName) {
  const path = join(dir, file);
  const out = mkdtempSync(join(dir, 'out-'));
  const runner = await NativeRunner.open({ readableFiles: [path], writableDirectories: [out], threads: 2 });
  runners.push(runner);
  const statements: string[] = [];
  const inputs: ExecuteOptions['inputs'] = { events: { path, fingerprint: `${file}-v1` } };
  const doc = flowOf(
    [
      { id: 'events', kind: 'import', params: { input: 'events', file } },
      // A CSV import that feeds a split is a table in every preset (materialize-policy.ts).
      { id: 'split', kind: 'split', params: {} },
      { id: 'train', kind: 'export', params: { file: 'train.csv' } },
      { id: 'test', kind: 'export', params: { file: 'test.csv' } },
    ],
    [
      ['events', 'out', 'split', 'in'],
      ['split', 'train', 'train', 'in'],
      ['split', 'test', 'test', 'in'],
    ],
  );
  const result = await new FlowExecutor(recording(runner, statements)).run(doc, { preset, inputs, sinkPath: (f) => join(out, f) });
  const imported = result.blocks.find((b) => b.blockId === 'events')!;
  expect(result.ok, JSON.stringify(result.blocks.map((b) => b.error?.message))).toBe(true);
  const reads = statements.filter((s) => s.includes(`read_csv('${path}', auto_detect = false, delim = ','`));
  return { rows: imported.rows, report: imported.report as CsvReadReport, written: ['train.csv', 'test.csv'].map((f) => readFileSync(join(out, f), 'utf8')), reads };
}

describe('a CSV import the CLI keeps as a table', () => {
  it('reads a clean file once: its load is its check, over every row', async () => {
    const cli = await importAndExport('clean.csv', 'cli');
    expect(cli.reads).toHaveLength(1);
    expect(cli.reads[0]).toMatch(/^CREATE OR REPLACE TABLE/);
    expect(cli.reads[0]).not.toContain('store_rejects');
    expect(cli.rows).toBe(ROWS);
    expect(cli.report).toMatchObject({ mode: 'strict', checkedRows: ROWS, checkedWholeFile: true, rejected: { count: 0 } });
    const studio = await importAndExport('clean.csv', 'studio');
    // The studio checks first (it keeps the previous result until the new one is read), then loads: two reads.
    expect(studio.reads).toHaveLength(2);
    expect(cli.report).toEqual(studio.report);
    expect(cli.written).toEqual(studio.written);
  });

  it('describes a messy file line by line, as the studio does, and keeps the same rows', async () => {
    const cli = await importAndExport('messy.csv', 'cli');
    const studio = await importAndExport('messy.csv', 'studio');
    expect(cli.report).toEqual(studio.report);
    expect(cli.report.padded.lines).toEqual([1202]);
    expect(cli.report.rejected.rows.map((r) => r.line)).toEqual([2403]);
    expect(cli.report.textColumns.map((t) => t.column)).toEqual(['v']);
    expect(cli.rows).toBe(ROWS - 1);
    expect(cli.written).toEqual(studio.written);
  });
});
