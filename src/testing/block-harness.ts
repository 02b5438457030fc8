import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blockDefinition, type BlockKind } from '../engine/blocks/registry';
import type { Relation } from '../engine/blocks/contract';
import { classifyError } from '../engine/run/classify-error';
import type { SqlRow } from '../engine/sql/sql-runner';
import { quoteIdent } from '../engine/sql/quote';
import { checkUserSql } from '../engine/sql/user-sql-guard';
import { NativeRunner } from '../cli/native-runner';
import type { ModelHost } from '../engine/model/als-contract';
import { tsKernel } from '../ml/kernels/ts-kernel';
import { localModelHost } from '../ml/model-host';
import type { Prepared, SourceReading } from '../engine/blocks/contract';

/**
 * Test support: runs one block's real compiled SQL on a real (sandboxed) DuckDB over tables made in the test.
 * Block tests assert on the rows this returns, never only on SQL text.
 */
export interface TestDb {
  runner: NativeRunner;
  /** A directory the engine may read and write. */
  dir: string;
  /** Runs a statement to set up a test table. */
  sql(statement: string): Promise<void>;
  /** Rows of a query, for assertions. */
  rows(query: string): Promise<SqlRow[]>;
  close(): void;
}

export async function openTestDb(): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), 'wrangle-test-'));
  const runner = await NativeRunner.open({ readableFiles: [], writableDirectories: [dir], threads: 2 });
  return {
    runner,
    dir,
    sql: (s) => runner.exec(s),
    rows: (q) => runner.query(q),
    close: () => runner.close(),
  };
}

/** Prepared tables of successive runs get their own names, as the executor's do (by content hash). */
let preparedRuns = 0;

export interface BlockRun {
  /** Rows of each output port (the main result under `out` for single-output blocks), in the engine's order unless sorted. */
  outputs: Record<string, SqlRow[]>;
  /** Column names of each output port, in order. */
  columns: Record<string, string[]>;
  fitted: unknown;
  select: string;
  /** What a model block prepared (its tables and training report). */
  prepared?: Prepared;
  /** What the block found looking at its file (an import's CSV report). */
  source?: SourceReading;
  /** What its `report` hook makes of the run (with `counts` run on the result, as the executor does). */
  report?: unknown;
}

/** A relation's reference and columns, as the executor hands them to blocks. `ref` is already quoted SQL. */
export async function describe(db: TestDb, ref: string): Promise<Relation> {
  const rows = await db.rows(`DESCRIBE ${ref}`);
  return { ref, columns: rows.map((r) => ({ name: String(r.column_name), type: String(r.column_type) })) };
}

/**
 * Fits (when the block fits and no state is given), compiles and runs a block whose input ports read the named
 * tables. Errors come back as the WrangleError the executor would report. `orderBy: 'all'` sorts every output.
 */
export async function runBlock(
  db: TestDb,
  block: { kind: BlockKind; params: unknown; fitted?: unknown },
  tables: Record<string, string>,
  options: { orderBy?: 'all'; inputPaths?: Record<string, string>; models?: ModelHost } = {},
): Promise<BlockRun> {
  const def = blockDefinition(block.kind);
  const params = def.params.parse(block.params);
  const inputs: Record<string, Relation> = {};
  for (const [port, table] of Object.entries(tables)) inputs[port] = await describe(db, quoteIdent(table));
  const files = { inputPath: (name: string) => options.inputPaths?.[name] ?? join(db.dir, name) };
  try {
    let fitted = block.fitted;
    if (def.fit && fitted === undefined) {
      fitted = await def.fit({ blockId: 'b', params, inputs, query: (q) => db.rows(q), files });
    }
    let prepared: Prepared | undefined;
    if (def.prepare) {
      const r = db.runner;
      prepared = await def.prepare({
        blockId: 'b',
        params,
        inputs,
        files,
        table: (suffix) => `block_prepared_${++preparedRuns}_${suffix}`,
        exec: (q) => r.exec(q),
        query: (q) => r.query(q),
        queryColumns: (q) => r.queryColumns(q),
        createTableFromColumns: (t, c) => r.createTableFromColumns(t, c),
        models: options.models ?? localModelHost(tsKernel),
        progress: () => {},
      });
    }
    const r = db.runner;
    const source = await def.readSource?.({
      blockId: 'b',
      params,
      files,
      query: (q) => r.query(q),
      exec: (q) => r.exec(q),
      table: (suffix) => `block_source_${++preparedRuns}_${suffix}`,
    });
    const compiled = def.compile({ blockId: 'b', params, inputs, fitted, files, ...(prepared ? { prepared } : {}), ...(source ? { source } : {}) });
    // As the executor does: the user's SQL passes the engine's parser check before the block's SELECT runs.
    for (const sql of compiled.userSql ?? []) await checkUserSql(db.runner, sql);
    const main = 'block_result';
    await db.sql(`CREATE OR REPLACE VIEW ${main} AS ${compiled.select}`);
    const order = options.orderBy === 'all' ? ' ORDER BY ALL' : '';
    const ports = compiled.outputs?.(main) ?? { out: `SELECT * FROM ${main}` };
    const outputs: Record<string, SqlRow[]> = {};
    const columns: Record<string, string[]> = {};
    for (const [port, sql] of Object.entries(ports)) {
      outputs[port] = await db.rows(`SELECT * FROM (${sql})${order}`);
      columns[port] = (await describe(db, `(${sql})`)).columns.map((c) => c.name);
    }
    const counted = compiled.counts ? (await db.rows(compiled.counts(main)))[0] : undefined;
    const report = def.report?.({ ...(source ? { source } : {}), ...(prepared ? { prepared } : {}), ...(counted ? { counted } : {}) });
    return {
      outputs,
      columns,
      fitted,
      select: compiled.select,
      ...(prepared ? { prepared } : {}),
      ...(source ? { source } : {}),
      ...(report !== undefined ? { report } : {}),
    };
  } catch (e) {
    throw classifyError(e, 'b', def.explainError ? (m) => def.explainError!(m, params, inputs) : undefined);
  }
}
