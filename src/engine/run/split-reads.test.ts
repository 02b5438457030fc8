import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NativeRunner } from '../../cli/native-runner';
import { flowOf } from '../../testing/flow-of';
import { FlowExecutor, type ExecuteOptions } from './executor';

/**
 * The CLI leaves a randomized split a view, so each export computes it again (materialize-policy.ts). What a user
 * checks: train and test never share a row and together hold every row the split read, also when a block above the
 * split draws at random, where the split must be a table that both exports read.
 */
let dir: string;
let inputs: ExecuteOptions['inputs'];
const runners: NativeRunner[] = [];
const ROWS = 3000;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wrangle-split-reads-'));
  const events = join(dir, 'events.csv');
  writeFileSync(events, `id,v\n${Array.from({ length: ROWS }, (_, i) => `${i},${(i * 7) % 13}`).join('\n')}\n`);
  inputs = { events: { path: events, fingerprint: 'events-v1' } };
});
afterAll(() => runners.forEach((r) => r.close()));

async function runSplit(above: Record<string, unknown>) {
  const out = mkdtempSync(join(dir, 'out-'));
  const runner = await NativeRunner.open({ readableFiles: [inputs.events!.path], writableDirectories: [out], threads: 2 });
  runners.push(runner);
  const doc = flowOf(
    [
      { id: 'events', kind: 'import', params: { input: 'events', file: 'events.csv' } },
      { id: 'above', ...above },
      { id: 'split', kind: 'split', params: {} },
      { id: 'train', kind: 'export', params: { file: 'train.csv' } },
      { id: 'test', kind: 'export', params: { file: 'test.csv' } },
    ],
    [
      ['events', 'out', 'above', 'in'],
      ['above', 'out', 'split', 'in'],
      ['split', 'train', 'train', 'in'],
      ['split', 'test', 'test', 'in'],
    ],
  );
  const result = await new FlowExecutor(runner).run(doc, { preset: 'cli', inputs, sinkPath: (f) => join(out, f) });
  expect(result.ok, JSON.stringify(result.blocks.map((b) => b.error?.message))).toBe(true);
  const ids = (file: string) => readFileSync(join(out, file), 'utf8').trimEnd().split('\n').slice(1).map((line) => line.split(',')[0]!);
  const createdSplit = result.script.find((s) => s.includes('__wrangle_part'))!;
  return { train: ids('train.csv'), test: ids('test.csv'), splitIsTable: createdSplit.startsWith('CREATE OR REPLACE TABLE') };
}

describe('a randomized split read by two exports', () => {
  it('stays a view over rows that every read gives alike, and its parts hold each row once', async () => {
    const { train, test, splitIsTable } = await runSplit({ kind: 'formula', params: { column: 'w', expression: 'v * 2' } });
    expect(splitIsTable).toBe(false);
    expect(new Set([...train, ...test]).size).toBe(ROWS);
    expect(train.length + test.length).toBe(ROWS);
  });

  it('is a table when a block above it draws at random, so each row still lands in exactly one part', async () => {
    // The split keys on every column, the drawn one too: computed once per export, a row would get two draws.
    const { train, test, splitIsTable } = await runSplit({ kind: 'formula', params: { column: 'w', expression: 'random()' } });
    const inTrain = new Set(train);
    expect(test.filter((id) => inTrain.has(id))).toEqual([]);
    expect(train.length + test.length).toBe(ROWS);
    expect(splitIsTable).toBe(true);
  });
});
