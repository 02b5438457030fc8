import { balancedRanges } from '../csr';
import type { RatingsMatrix, Side, SolvedSide, Sweeper, SweepJob } from '../sweeper';
import { sliceRows, type FromWorker, type WorkerChannel } from './protocol';

interface Pending {
  resolve(part: SolvedSide): void;
  reject(error: Error): void;
}

/**
 * Splits each half-sweep's rows across workers, in contiguous ranges of about equal rating counts. Rows are solved
 * independently, so the result is the same for any number of workers.
 */
export class PoolSweeper implements Sweeper {
  readonly description: string;
  private readonly ranges: Record<Side, Array<[number, number]>>;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private broken: Error | undefined;

  private constructor(
    private readonly workers: WorkerChannel[],
    matrix: RatingsMatrix,
    kernelName: string,
  ) {
    this.ranges = { users: balancedRanges(matrix.byUser, workers.length), items: balancedRanges(matrix.byItem, workers.length) };
    this.description = `${kernelName} × ${workers.length} worker${workers.length === 1 ? '' : 's'}`;
  }

  /** Starts the workers with their share of the rows; resolves when all are ready. */
  static async start(workers: WorkerChannel[], matrix: RatingsMatrix, kernel: { name: 'ts' | 'wasm'; wasm?: Uint8Array | WebAssembly.Module }): Promise<PoolSweeper> {
    const pool = new PoolSweeper(workers, matrix, kernel.name === 'wasm' ? 'wasm SIMD' : 'TypeScript');
    await Promise.all(
      workers.map((w, k) => {
        const [us, ue] = pool.ranges.users[k] ?? [0, 0];
        const [is, ie] = pool.ranges.items[k] ?? [0, 0];
        const ready = new Promise<void>((resolve, reject) => {
          w.onMessage((m) => (m.type === 'ready' ? resolve() : pool.settle(m)));
          w.onError((e) => {
            pool.fail(e);
            reject(e);
          });
        });
        const share = { users: sliceRows(matrix.byUser, us, ue), items: sliceRows(matrix.byItem, is, ie) };
        w.post({ type: 'setup', kernel: kernel.name, ...(kernel.wasm ? { wasm: kernel.wasm } : {}), share });
        return ready;
      }),
    );
    return pool;
  }

  private settle(m: FromWorker): void {
    if (m.type === 'ready') return;
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (m.type === 'solved') p.resolve({ rows: m.rows, rowSse: m.rowSse });
    else p.reject(new Error(`An ALS worker failed: ${m.message}`));
  }

  private fail(error: Error): void {
    this.broken = error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  async solve(side: Side, job: SweepJob): Promise<SolvedSide> {
    if (this.broken) throw this.broken;
    const ranges = this.ranges[side];
    const parts = await Promise.all(
      ranges.map(
        (_, k) =>
          new Promise<SolvedSide>((resolve, reject) => {
            const id = this.nextId++;
            this.pending.set(id, { resolve, reject });
            this.workers[k]!.post({ type: 'solve', id, side, job });
          }),
      ),
    );
    const total = ranges.at(-1)?.[1] ?? 0;
    const rows = new Float64Array(total * job.dim);
    const rowSse = job.rowSse ? new Float64Array(total) : null;
    ranges.forEach(([start], k) => {
      rows.set(parts[k]!.rows, start * job.dim);
      if (rowSse) rowSse.set(parts[k]!.rowSse!, start);
    });
    return { rows, rowSse };
  }

  dispose(): void {
    for (const w of this.workers) w.terminate();
    this.fail(new Error('The ALS workers were stopped.'));
  }
}
