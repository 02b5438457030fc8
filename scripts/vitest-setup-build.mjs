// Vitest globalSetup: builds what the tests run before any test file starts, so `npx vitest run` works alone: the
// ALS kernel's wasm (tests import it) and the CLI bundle (tests spawn bin/wrangle.mjs, which runs it), each only if stale.
import { ensureCliBundle } from './build-cli.mjs';

export async function setup() {
  await ensureCliBundle();
}
