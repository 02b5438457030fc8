/**
 * One duckdb-wasm connection whose statements run one at a time, each as a pending query, so that `cancel` can stop
 * the one running (DuckDB checks for it about every 100 ms; a plain `query`/`runPrepared` cannot be stopped). The
 * same code drives the browser's async bindings and the blocking ones of the Node tests.
 */
import { CANCELLED_STATEMENT } from '../engine/sql/sql-runner';
import { concatBytes } from './concat-bytes';

type MaybePromise<T> = T | Promise<T>;

/** The part of duckdb-wasm's bindings (AsyncDuckDB or the blocking DuckDBBindings) that this drives. */
export interface PendingQueryBindings {
  createPrepared(conn: number, text: string): MaybePromise<number>;
  closePrepared(conn: number, statement: number): MaybePromise<void>;
  startPendingQuery(conn: number, text: string, allowStreamResult: boolean): MaybePromise<Uint8Array | null>;
  pollPendingQuery(conn: number): MaybePromise<Uint8Array | null>;
  cancelPendingQuery(conn: number): MaybePromise<boolean>;
  fetchQueryResults(conn: number): MaybePromise<Uint8Array | null>;
}

/** The end-of-stream marker of the Arrow IPC stream format: a continuation token and a zero length. */
const END_OF_STREAM = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);

/** Lets timers (a cancel from a test, or the session's) run between two polls of the blocking bindings. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export class CancellableConnection {
  private queue: Promise<unknown> = Promise.resolve();
  /** The statement running now; `cancelled` once `cancel` reached it. */
  private active: { cancelled: boolean } | undefined;

  constructor(
    private readonly db: PendingQueryBindings,
    private readonly conn: number,
  ) {}

  /**
   * Runs exactly one statement and returns its result as Arrow IPC stream bytes. Text with a `;` in it is prepared
   * first, alone, so that several statements are refused before any runs (a pending query would run them all);
   * DuckDB's grammar separates statements only by `;`, so text without one needs no second bind.
   */
  run(sql: string): Promise<Uint8Array> {
    return this.exclusive(async () => {
      const statement = { cancelled: false };
      this.active = statement;
      try {
        if (sql.includes(';')) await this.db.closePrepared(this.conn, await this.db.createPrepared(this.conn, sql));
        if (statement.cancelled) throw new Error(CANCELLED_STATEMENT);
        let header = await this.db.startPendingQuery(this.conn, sql, false);
        while (header === null) {
          await nextTurn();
          header = await this.db.pollPendingQuery(this.conn);
        }
        const parts = [header];
        for (let part = await this.db.fetchQueryResults(this.conn); part && part.length > 0; part = await this.db.fetchQueryResults(this.conn)) parts.push(part);
        parts.push(END_OF_STREAM);
        return concatBytes(parts);
      } catch (e) {
        // duckdb-wasm says "query was canceled"; the engine knows a cancel by DuckDB's own wording (CANCELLED_STATEMENT).
        if (statement.cancelled) throw new Error(CANCELLED_STATEMENT);
        throw asDuckDBError(e);
      } finally {
        this.active = undefined;
      }
    });
  }

  /** Cancels the statement running now, if any: it rejects with CANCELLED_STATEMENT. Not queued behind it. */
  async cancel(): Promise<void> {
    const statement = this.active;
    if (!statement) return;
    statement.cancelled = true;
    await this.db.cancelPendingQuery(this.conn);
  }

  /** Any other use of the connection (an Arrow insert, a name lookup): a statement in progress must not be cut. */
  exclusive<T>(task: () => MaybePromise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/**
 * A pending query reports an error raised while splitting the text into statements (a syntax error) as DuckDB's raw
 * JSON (`{"exception_type":"Parser","exception_message":…}`); prepared statements word it `Parser Error: …`, which is
 * how the engine classifies errors, so it is worded that way.
 */
function asDuckDBError(e: unknown): unknown {
  const message = e instanceof Error ? e.message : String(e);
  if (!message.startsWith('{')) return e;
  try {
    const raw = JSON.parse(message) as { exception_type?: unknown; exception_message?: unknown };
    if (typeof raw.exception_type === 'string' && typeof raw.exception_message === 'string') return new Error(`${raw.exception_type} Error: ${raw.exception_message}`);
  } catch {
    // Not DuckDB's JSON after all: the message stands as it is.
  }
  return e;
}
