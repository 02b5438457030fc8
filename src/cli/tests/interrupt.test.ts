import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from '../../testing/run-cli';
import { blockOf, musicFlow, writeFlow } from './flow-variants';

/** A formula that keeps DuckDB busy for minutes: a sum over fifty billion generated rows. */
const ENDLESS = '(SELECT sum(range % 7) FROM range(50000000000)) + valence';

it('a first Ctrl-C stops the running query: the CLI exits 1 saying the block was stopped, publishes nothing, and removes its spill directory', async () => {
  const flow = musicFlow();
  blockOf(flow, 'danceability').params.expression = ENDLESS;
  const { path, out } = writeFlow(flow);
  const temp = mkdtempSync(join(tmpdir(), 'wrangle-interrupt-spill-'));
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'wrangle.mjs'), 'run', path, '--data', join(repoRoot, 'sample-data', 'music'), '--out', out, '--temp-dir', temp], {
    cwd: repoRoot,
    env: { ...process.env, NO_COLOR: '1' },
  });
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const started = new Promise<void>((resolve) =>
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      // The imports are done: the endless block is next.
      if (/\[\d+\/\d+\]/.test(stderr)) resolve();
    }),
  );
  await started;
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const interrupted = performance.now();
  child.kill('SIGINT');
  const code = await exited;
  const tookMs = performance.now() - interrupted;
  expect(code).toBe(1);
  expect(stderr).toMatch(/E_RUN_STOPPED: Block "[a-z_]+" was stopped before it finished/);
  expect(stderr).toContain('No output was written.');
  expect(existsSync(out)).toBe(false);
  expect(readdirSync(temp)).toEqual([]);
  rmSync(temp, { recursive: true });
  // DuckDB checks for the interrupt as it works; a generous bound, since the machines are shared.
  expect(tookMs).toBeLessThan(15_000);
}, 120_000);

it('SIGTERM ends the run at once, and the spill directory goes with it', async () => {
  const flow = musicFlow();
  blockOf(flow, 'danceability').params.expression = ENDLESS;
  const { path, out } = writeFlow(flow);
  const temp = mkdtempSync(join(tmpdir(), 'wrangle-terminate-spill-'));
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'wrangle.mjs'), 'run', path, '--data', join(repoRoot, 'sample-data', 'music'), '--out', out, '--temp-dir', temp], {
    cwd: repoRoot,
    env: { ...process.env, NO_COLOR: '1' },
  });
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve) =>
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (/\[\d+\/\d+\]/.test(stderr)) resolve();
    }),
  );
  expect(readdirSync(temp)).toHaveLength(1);
  child.kill('SIGTERM');
  expect(await exited).toBe(143);
  expect(existsSync(out)).toBe(false);
  expect(readdirSync(temp)).toEqual([]);
  rmSync(temp, { recursive: true });
}, 120_000);
