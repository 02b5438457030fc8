// An ALS worker thread when the CLI runs from source (tsx, vitest): module hooks are per thread, so it registers tsx
// for itself, then runs the thread body. The bundled CLI starts dist-cli/als-worker.mjs instead (the same body,
// prebuilt), found by the same `new URL('./als-worker.mjs', import.meta.url)` in als-host.ts.
import { register } from 'tsx/esm/api';

register();
await import('./als-thread.ts');
