#!/usr/bin/env node
// Runs the prebuilt CLI, dist-cli/wrangle.mjs (`npm install` builds it: scripts/build-cli.mjs), so a start compiles
// no TypeScript. When the bundle is missing or older than its sources (after an edit or a git pull), it is rebuilt
// once, here. WRANGLE_FROM_SOURCE=1 runs src/cli/main.ts through tsx instead, as before the bundle.
import { pathToFileURL } from 'node:url';
import { buildCli, cliBundleIsStale, cliBundlePath } from '../scripts/build-cli.mjs';
import { ensureAlsWasm } from '../scripts/ensure-wasm.mjs';

const main = await loadMain();
process.exitCode = await main(process.argv.slice(2));

async function loadMain() {
  // The ALS kernel's wasm is git-ignored: compile it from source on the first run (and after its sources change).
  try {
    ensureAlsWasm();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  if (process.env.WRANGLE_FROM_SOURCE !== '1') {
    try {
      if (cliBundleIsStale()) {
        console.error('Rebuilding the wrangle CLI bundle: its sources changed …');
        await buildCli({ quiet: true });
      }
      return (await import(pathToFileURL(cliBundlePath).href)).main;
    } catch (error) {
      console.error(`wrangle: could not build dist-cli/ (${error instanceof Error ? error.message : error}); running from source with tsx.`);
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('../src/cli/main.ts')).main;
}
