// Vitest globalSetup: compiles the ALS kernel's wasm before any test file runs, so `npx vitest run` works alone.
import { ensureAlsWasm } from './ensure-wasm.mjs';

export function setup() {
  ensureAlsWasm();
}
