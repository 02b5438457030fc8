import type { FromWorker, WorkerChannel } from '../ml/pool/protocol';

/** Starts one training worker (src/worker/als-worker.ts) as a module Web Worker, as the pool talks to it. */
export function startAlsWorker(): WorkerChannel {
  const worker = new Worker(new URL('./als-worker.ts', import.meta.url), { type: 'module', name: 'als' });
  return {
    post: (message, transfer) => worker.postMessage(message, transfer ?? []),
    onMessage: (handler) => worker.addEventListener('message', (e: MessageEvent<FromWorker>) => handler(e.data)),
    onError: (handler) =>
      worker.addEventListener('error', (e: ErrorEvent) => {
        e.preventDefault();
        handler(new Error(e.message || 'the training worker failed to load'));
      }),
    terminate: () => worker.terminate(),
  };
}
