#!/usr/bin/env node
// Bundles the `wrangle` CLI with esbuild into the git-ignored dist-cli/: wrangle.mjs (src/cli/main.ts and the pure
// JS it imports) and als-worker.mjs (the ALS worker thread, found beside it by als-host.ts), so a start compiles no
// TypeScript. Native and wasm-loading packages stay external: @duckdb/node-api, parquet-wasm, and webgpu (imported
// lazily, only when a GPU is asked for). dist-cli/inputs.json lists the sources and when they were read, for
// `cliBundleIsStale`. `npm install` runs this (prepare); `node scripts/build-cli.mjs --force` (npm run build:cli)
// rebuilds regardless. It compiles als.wasm first when that is stale, since the bundle reads it at run time.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { changedSince } from './changed-since.mjs';
import { alsWasmPath, ensureAlsWasm } from './ensure-wasm.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const cliBundleDir = join(root, 'dist-cli');
export const cliBundlePath = join(cliBundleDir, 'wrangle.mjs');
const manifestPath = join(cliBundleDir, 'inputs.json');

/** Output name → entry source. als-host.ts starts `new URL('./als-worker.mjs', import.meta.url)`: the name is fixed. */
const entryPoints = { wrangle: 'src/cli/main.ts', 'als-worker': 'src/cli/als-thread.ts' };
const external = ['@duckdb/node-api', 'parquet-wasm', 'webgpu'];

/** Whether the bundle is missing, or a source it was built from (or this script) changed since. */
export function cliBundleIsStale() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch {
    return true;
  }
  if (!manifest.outputs.every((file) => existsSync(join(root, file)))) return true;
  return changedSince(manifest.builtAt, [fileURLToPath(import.meta.url), ...manifest.inputs.map((file) => join(root, file))]);
}

/** Builds dist-cli/ (and als.wasm when stale). Each file is written aside and renamed in, so a concurrent start never reads half a file. */
export async function buildCli({ quiet = false } = {}) {
  ensureAlsWasm({ quiet });
  // Taken before esbuild reads a source: an edit made during the build leaves the bundle stale, as it should.
  const builtAt = Date.now();
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints,
    outdir: cliBundleDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    // Chunks, so the commands main.ts imports on use (and the native DuckDB they load) stay out of `--help`.
    splitting: true,
    // Chunks sit beside the entries, so one path relative to import.meta.url (the wasm's, below) holds in every file.
    chunkNames: '[name]-[hash]',
    target: 'node20',
    external,
    // dist-cli/ is not src/cli/: wasm-bytes.ts takes the kernel's path relative to the bundle from this constant.
    define: { WRANGLE_BUNDLED_ALS_WASM: JSON.stringify(relative(cliBundleDir, alsWasmPath).split('\\').join('/')) },
    legalComments: 'none',
    metafile: true,
    write: false,
    logLevel: quiet ? 'error' : 'warning',
  });
  mkdirSync(cliBundleDir, { recursive: true });
  const outputs = result.outputFiles.map((file) => {
    writeAside(file.path, file.contents);
    return relative(root, file.path);
  });
  const inputs = Object.keys(result.metafile.inputs).filter((file) => !file.includes('node_modules/'));
  writeAside(manifestPath, `${JSON.stringify({ builtAt, outputs, inputs }, null, 1)}\n`);
  // Chunk names carry a content hash: drop those of earlier builds.
  for (const name of readdirSync(cliBundleDir)) {
    const file = join(cliBundleDir, name);
    if (name.endsWith('.mjs') && !outputs.includes(relative(root, file))) rmSync(file, { force: true });
  }
  if (!quiet) console.error(`Built ${relative(root, cliBundleDir)}/ (${outputs.length} files) in ${Date.now() - builtAt} ms.`);
}

/** Rebuilds the bundle if it is stale; returns whether it did. */
export async function ensureCliBundle({ quiet = false } = {}) {
  ensureAlsWasm({ quiet });
  if (!cliBundleIsStale()) return false;
  await buildCli({ quiet });
  return true;
}

function writeAside(path, contents) {
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, contents);
  renameSync(partial, path);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    if (process.argv.includes('--force')) await buildCli();
    else await ensureCliBundle();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
