import type { CpuKernel } from '../kernels/kernel';
import { tsKernel } from '../kernels/ts-kernel';
import { createWasmKernel } from '../kernels/wasm/wasm-kernel';
import type { FromWorker, ToWorker, WorkerShare } from './protocol';

/**
 * The body of an ALS worker, the same in a Web Worker and a worker thread: it keeps its share of the rows and solves
 * them against each half-sweep's fixed factors.
 */
export function alsWorker(reply: (message: FromWorker, transfer?: ArrayBuffer[]) => void): (message: ToWorker) => void {
  let kernel: CpuKernel = tsKernel;
  let share: WorkerShare | undefined;
  return (message) => {
    if (message.type === 'setup') {
      kernel = message.kernel === 'wasm' && message.wasm ? createWasmKernel(message.wasm) : tsKernel;
      share = message.share;
      reply({ type: 'ready' });
      return;
    }
    try {
      const m = share![message.side];
      const rows = new Float64Array(m.rows * message.job.dim);
      const rowSse = message.job.rowSse ? new Float64Array(m.rows) : null;
      kernel.solve({ ...message.job, indptr: m.indptr, indices: m.indices, values: m.values, start: 0, end: m.rows }, rows, rowSse ?? undefined);
      const transfer = [rows.buffer as ArrayBuffer, ...(rowSse ? [rowSse.buffer as ArrayBuffer] : [])];
      reply({ type: 'solved', id: message.id, rows, rowSse }, transfer);
    } catch (e) {
      reply({ type: 'failed', id: message.id, message: e instanceof Error ? e.message : String(e) });
    }
  };
}
