#!/usr/bin/env node
// Compiles the AssemblyScript ALS kernel (src/ml/kernels/wasm/assembly) to src/ml/kernels/wasm/build/als.wasm when
// the wasm is missing or older than any of its sources (this script included: it holds the compiler flags).
// Otherwise it returns at once. The output is git-ignored, so every entry point that needs it calls this first.
// `node scripts/ensure-wasm.mjs --force` (npm run build:wasm) compiles regardless.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { changedSince } from './changed-since.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = join(root, 'src', 'ml', 'kernels', 'wasm', 'assembly');
export const alsWasmPath = join(root, 'src', 'ml', 'kernels', 'wasm', 'build', 'als.wasm');

const ascFlags = ['--enable', 'simd', '-O3', '--noAssert', '--runtime', 'stub', '--use', 'abort='];

/** Whether als.wasm is missing or older than a source. */
export function alsWasmIsStale() {
  let built;
  try {
    built = statSync(alsWasmPath).mtimeMs;
  } catch {
    return true;
  }
  return changedSince(built, [fileURLToPath(import.meta.url), ...readdirSync(sourceDir).map((name) => join(sourceDir, name))]);
}

/** Compiles als.wasm if it is stale (or always, with `force`); returns whether it compiled. Throws with asc's output if it fails. */
export function ensureAlsWasm({ quiet = false, force = false } = {}) {
  if (!force && !alsWasmIsStale()) return false;
  const asc = createRequire(import.meta.url).resolve('assemblyscript/bin/asc.js');
  mkdirSync(dirname(alsWasmPath), { recursive: true });
  // Written aside and renamed into place, so a process that starts meanwhile never reads half a module.
  const partial = `${alsWasmPath}.${process.pid}.partial`;
  if (!quiet) console.error('Compiling the WebAssembly ALS kernel …');
  const run = spawnSync(process.execPath, [asc, join(sourceDir, 'index.ts'), ...ascFlags, '--outFile', partial], {
    cwd: root,
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    rmSync(partial, { force: true });
    throw new Error(`asc could not compile ${sourceDir}:\n${run.stderr || run.stdout || run.error?.message}`);
  }
  renameSync(partial, alsWasmPath);
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    ensureAlsWasm({ force: process.argv.includes('--force') });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
