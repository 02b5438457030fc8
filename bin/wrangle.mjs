#!/usr/bin/env node
// Runs the TypeScript CLI directly: tsx compiles it on load, so `npx wrangle` works right after `npm install`.
import { register } from 'tsx/esm/api';
import { ensureAlsWasm } from '../scripts/ensure-wasm.mjs';

// The ALS kernel's wasm is git-ignored: compile it from source on the first run (and after its sources change).
try {
  ensureAlsWasm();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
