// An ALS worker thread. Plain JavaScript so it starts the same under tsx, vitest and node: it registers tsx for
// itself (module hooks are per thread), then runs the shared worker body.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { alsWorker } = await import('../ml/pool/worker-core.ts');
const handle = alsWorker((message, transfer) => parentPort.postMessage(message, transfer ?? []));
parentPort.on('message', handle);
