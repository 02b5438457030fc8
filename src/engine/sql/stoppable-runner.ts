import { CANCELLED_STATEMENT, type NumericColumn, type SqlRow, type SqlRunner } from './sql-runner';
import type { SqlOutline } from './sql-outline';

/** How often `stop` cancels again while a statement of the run is still going (a cancel can land just before it starts). */
const RETRY_MS = 100;

/**
 * The runner a run's executor works through, so that the user's Stop ends the run: `stop` cancels the statement
 * running now, and every statement after it rejects the same way (CANCELLED_STATEMENT) until `resume`, so a stop
 * that lands between two statements of a block still ends it. The executor reports such a block E_RUN_STOPPED.
 */
export class StoppableRunner implements SqlRunner {
  private stopped = false;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly inner: SqlRunner) {}

  /** Whether `stop` was called since the last `resume`. */
  get isStopped(): boolean {
    return this.stopped;
  }

  /** Stops the run: resolves once no statement of it is running any more. */
  async stop(): Promise<void> {
    this.stopped = true;
    // Until `resume`: the statements of the next run are not this stop's business.
    while (this.stopped && this.inFlight.size > 0) {
      await this.inner.cancel();
      const settled = Promise.allSettled([...this.inFlight]);
      await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, RETRY_MS))]);
    }
  }

  /** A new run starts: statements run again. */
  resume(): void {
    this.stopped = false;
  }

  exec(sql: string): Promise<void> {
    return this.guard(() => this.inner.exec(sql));
  }

  query(sql: string): Promise<SqlRow[]> {
    return this.guard(() => this.inner.query(sql));
  }

  queryArrow(sql: string): Promise<Uint8Array> {
    return this.guard(() => this.inner.queryArrow(sql));
  }

  queryColumns(sql: string): Promise<Record<string, Float64Array>> {
    return this.guard(() => this.inner.queryColumns(sql));
  }

  createTableFromColumns(table: string, columns: NumericColumn[]): Promise<void> {
    return this.guard(() => this.inner.createTableFromColumns(table, columns));
  }

  outline(sql: string): Promise<SqlOutline> {
    return this.guard(() => this.inner.outline(sql));
  }

  version(): Promise<string> {
    return this.inner.version();
  }

  cancel(): Promise<void> {
    return this.inner.cancel();
  }

  private async guard<T>(task: () => Promise<T>): Promise<T> {
    if (this.stopped) throw new Error(CANCELLED_STATEMENT);
    const running = task();
    this.inFlight.add(running);
    try {
      return await running;
    } catch (e) {
      // Whatever a stopped statement ends with (a cancel may also surface as the failure of a half-done step).
      throw this.stopped ? new Error(CANCELLED_STATEMENT) : e;
    } finally {
      this.inFlight.delete(running);
    }
  }
}
