import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from '../../testing/run-cli';
import { blockOf, musicFlow, writeFlow } from './flow-variants';

/** A formula that keeps DuckDB busy for minutes: a sum over fifty billion generated rows. */
const ENDLESS = '(SELECT sum(range % 7) FROM range(50000000000)) + valence';

it('a first Ctrl-C stops the running query: the CLI exits 1 saying the block was stopped, and publishes nothing', async () => {
  const flow = musicFlow();
  blockOf(flow, 'danceability').params.expression = ENDLESS;
  const { path, out } = writeFlow(flow);
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'wrangle.mjs'), 'run', path, '--data', join(repoRoot, 'sample-data', 'music'), '--out', out], {
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
  // DuckDB checks for the interrupt as it works; a generous bound, since the machines are shared.
  expect(tookMs).toBeLessThan(15_000);
}, 120_000);
