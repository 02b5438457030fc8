import { parentPort } from 'node:worker_threads';
import { alsWorker } from '../ml/pool/worker-core';

// The body of an ALS worker thread. The bundle builds it as dist-cli/als-worker.mjs; from source, als-worker.mjs
// registers tsx in the thread and imports this file.
const port = parentPort;
if (!port) throw new Error('als-thread runs only as a worker thread');
const handle = alsWorker((message, transfer) => port.postMessage(message, transfer ?? []));
port.on('message', handle);
