/**
 * The built studio for the browser bench: `vite build`, then `vite preview` as a child process on a free loopback
 * port, stopped (with the whole process group npx starts) when the bench ends.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from '../src/testing/run-cli';

const viteBin = join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');

/** Builds the app into dist/ so the bench measures what users get, not the dev server. */
export function buildStudio(): void {
  console.log('building the studio (vite build) …');
  execFileSync(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], { cwd: repoRoot, stdio: 'inherit' });
  if (!existsSync(join(repoRoot, 'dist', 'index.html'))) throw new Error('vite build wrote no dist/index.html');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

export interface PreviewServer {
  url: string;
  stop(): void;
}

/** Starts `vite preview` on the built app and resolves once its URL answers. */
export async function startPreview(timeoutMs = 60_000): Promise<PreviewServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  // Its own process group, so stopping it also stops anything it started.
  const child: ChildProcess = spawn(process.execPath, [viteBin, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const stop = (): void => {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
  };
  const deadline = Date.now() + timeoutMs;
  while (!(await answers(url))) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) {
      stop();
      throw new Error(`vite preview did not answer at ${url} within ${timeoutMs / 1000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, stop };
}
