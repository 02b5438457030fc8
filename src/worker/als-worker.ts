/**
 * A training worker, nested in the engine worker: it runs the same body as the CLI's worker threads (src/ml/pool),
 * solving its share of each half-sweep's rows.
 */
import { alsWorker } from '../ml/pool/worker-core';
import type { ToWorker } from '../ml/pool/protocol';

const reply = alsWorker((message, transfer) => self.postMessage(message, { transfer: transfer ?? [] }));
self.addEventListener('message', (e: MessageEvent<ToWorker>) => reply(e.data));
