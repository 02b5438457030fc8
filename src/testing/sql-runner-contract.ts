/**
 * The SqlRunner contract, written once and run against every runner: the CLI's native one and the studio's
 * duckdb-wasm one. Its last case is the parity proof: the music workshop flow gives the same row counts and
 * byte-identical exports (the committed goldens) on each.
 */
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFlow } from '../engine/flow/parse';
import { classifyError } from '../engine/run/classify-error';
import { FlowExecutor } from '../engine/run/executor';
import type { Relation } from '../engine/blocks/contract';
import type { FlowBlock } from '../engine/flow/schema';
import { declaredOutputOf } from '../engine/inputs/declared-inputs';
import { isCancelledStatement, type SqlRunner } from '../engine/sql/sql-runner';
import { cliModelHost } from '../cli/als-host';
import { expectedDir, fixturesDir, sameValues, type GoldenOutput } from './goldens';
import { repoRoot } from './run-cli';
import { expectedVerdict, hostileSqlCorpus, verdictOf, type Comparable } from './hostile-sql';

export interface RunnerUnderTest {
  runner: SqlRunner;
  /** Makes a host file readable to the engine and returns the path the engine reads it by. */
  provideInput(hostPath: string): Promise<string>;
  /** The engine path an export of this name is written to. */
  exportPath(fileName: string): string;
  /** The bytes the engine wrote at an export path. */
  readExport(enginePath: string): Promise<Uint8Array>;
  /**
   * Where set, exports are written as the studio writes them (CSV by COPY into memory, JSON and Parquet from Arrow,
   * since duckdb-wasm has no JSON or Parquet writer offline) rather than by the executor's COPY to a path.
   */
  exportBytes?(block: FlowBlock, inputs: Record<string, Relation>): Promise<{ bytes: Uint8Array }>;
  close(): void;
}

/** The music sample's inputs, as real paths (the native sandbox allows exactly these). */
export const musicInputs = {
  tracks: realpathSync(join(repoRoot, 'sample-data', 'music', 'tracks.csv')),
  ratings: realpathSync(join(repoRoot, 'sample-data', 'music', 'ratings.csv')),
};

/** Rows of every block of the music flow, the same in every engine. */
const MUSIC_ROWS = {
  tracks: 2000,
  ratings: 100_000,
  genre_onehot: 2000,
  danceability: 2000,
  join_tracks: 100_000,
  five_star_avg: 1000,
  drop_ids: 100_000,
  join_users: 100_000,
  tidy: 100_000,
  split: 100_000,
  export_train: 79_850,
  export_test: 20_150,
  als_split: 100_000,
  als_train: 1000,
  als_predict: 20_068,
  als_evaluate: 22,
  als_recommend: 5000,
  export_metrics: 1,
  export_recommendations: 5000,
  export_item_factors: 1979,
  export_user_factors: 1000,
};

const rejection = async (p: Promise<unknown>): Promise<Error> => {
  const e = await p.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(e, 'expected the call to fail').toBeInstanceOf(Error);
  return e as Error;
};

export function sqlRunnerContract(name: string, open: () => Promise<RunnerUnderTest>): void {
  describe(`SqlRunner contract: ${name}`, () => {
    let t: RunnerUnderTest;
    beforeAll(async () => {
      t = await open();
    });
    afterAll(() => t?.close());

    it('runs exactly one statement: two, or none, are refused and nothing runs', async () => {
      const two = await rejection(t.runner.exec('CREATE TABLE contract_a AS SELECT 1 AS x; CREATE TABLE contract_b AS SELECT 2 AS x'));
      expect(two.message).toMatch(/^Parser Error: expected one statement/);
      expect((await rejection(t.runner.query('SELECT 1; SELECT 2'))).message).toMatch(/^Parser Error: expected one statement/);
      expect((await rejection(t.runner.exec(''))).message).toMatch(/^Parser Error: expected one statement, found 0/);
      const tables = await t.runner.query("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name IN ('contract_a', 'contract_b')");
      expect(tables).toEqual([{ n: 0 }]);
    });

    it('returns rows as plain values: integers as numbers when exact, decimals and dates as DuckDB text', async () => {
      const rows = await t.runner.query(
        `SELECT 42::BIGINT AS big, 9007199254740993::BIGINT AS huge, 2::TINYINT AS tiny, 1.5::DOUBLE AS dbl, 'x' AS txt,
           true AS yes, NULL::INTEGER AS nothing, 1.50::DECIMAL(10,2) AS price, -0.05::DECIMAL(10,3) AS neg,
           DATE '2020-03-04' AS day, TIMESTAMP '2020-03-04 05:06:07.5' AS ts, TIME '01:02:03' AS tod`,
      );
      expect(rows).toEqual([
        { big: 42, huge: '9007199254740993', tiny: 2, dbl: 1.5, txt: 'x', yes: true, nothing: null, price: '1.50', neg: '-0.050', day: '2020-03-04', ts: '2020-03-04 05:06:07.5', tod: '01:02:03' },
      ]);
    });

    it('returns Arrow IPC stream bytes (not the file format duckdb-wasm answers in) that decode to the same rows', async () => {
      const sql = "SELECT * FROM (VALUES (1, 'a', 2.5::DOUBLE), (2, NULL, NULL)) AS v(i, s, d) ORDER BY i";
      const bytes = await t.runner.queryArrow(sql);
      expect(new TextDecoder().decode(bytes.subarray(0, 6))).not.toBe('ARROW1');
      const table = tableFromIPC(bytes);
      expect(table.schema.fields.map((f) => f.name)).toEqual(['i', 's', 'd']);
      const decoded = table.toArray().map((r: { toJSON(): Record<string, unknown> }) => r.toJSON());
      expect(decoded).toEqual([
        { i: 1, s: 'a', d: 2.5 },
        { i: 2, s: null, d: null },
      ]);
      expect(decoded).toEqual(await t.runner.query(sql));
    });

    it('moves numeric columns in bulk both ways: query to doubles, typed arrays to a new table', async () => {
      const cols = await t.runner.queryColumns('SELECT (i % 7)::INTEGER AS a, i / 4 AS b FROM range(5000) r(i) ORDER BY i');
      expect(cols.a).toBeInstanceOf(Float64Array);
      expect(cols.a!.length).toBe(5000);
      expect([cols.a![8], cols.b![6]]).toEqual([1, 1.5]);
      await t.runner.createTableFromColumns('contract_numbers', [
        { name: 'idx', type: 'INTEGER', values: Int32Array.from([0, 1, 2]) },
        { name: 'f0', type: 'DOUBLE', values: Float64Array.from([0.25, -1e-300, 3]) },
      ]);
      expect(await t.runner.query('SELECT typeof(idx) AS ti, typeof(f0) AS tf, max(idx) AS s, min(f0) AS m FROM contract_numbers GROUP BY ALL')).toEqual([
        { ti: 'INTEGER', tf: 'DOUBLE', s: 2, m: -1e-300 },
      ]);
    });

    it("reports DuckDB's error type first, so errors classify as in every engine", async () => {
      const parser = await rejection(t.runner.query('SELEC 1'));
      expect(parser.message).toMatch(/^Parser Error/);
      expect(classifyError(parser, 'b').code).toBe('E_SQL_INVALID');
      const binder = await rejection(t.runner.query('SELECT nope'));
      expect(binder.message).toMatch(/^Binder Error/);
      expect(classifyError(binder, 'b').code).toBe('E_QUERY_FAILED');
    });

    it('is sandboxed: no other file, and no change to its settings', async () => {
      const read = await rejection(t.runner.query("SELECT * FROM read_csv('/etc/passwd')"));
      expect(classifyError(read, 'b').code).toBe('E_SANDBOX_DENIED');
      const set = await rejection(t.runner.exec('SET enable_external_access = true'));
      expect(classifyError(set, 'b').code).toBe('E_SANDBOX_DENIED');
    });

    it("refuses the same user SQL as every engine, by DuckDB's own parser, with the same code and position", async () => {
      const got: [string, Comparable][] = [];
      for (const [name, sql, verdict] of hostileSqlCorpus) got.push([name, await verdictOf(t.runner, sql, verdict)]);
      expect(got).toEqual(hostileSqlCorpus.map(([name, sql, verdict]) => [name, expectedVerdict(sql, verdict)]));
    });

    it('outlines without running: a refused call is found, and nothing it names was read or created', async () => {
      const outline = await t.runner.outline("SELECT * FROM read_csv('/no/such/file.csv') CROSS JOIN (SELECT 1 AS \"read_text\")");
      expect(outline.ok && outline.calls).toEqual(expect.arrayContaining([{ name: 'read_csv', position: 14 }]));
      expect(outline.ok && outline.calls.map((c) => c.name)).not.toContain('read_text');
      expect(await t.runner.outline('SELECT 1 +')).toMatchObject({ ok: false, message: expect.stringMatching(/^Parser Error: syntax error/), position: 10 });
      expect(await t.runner.outline('SELECT 1; SELECT 2')).toMatchObject({ ok: false, message: expect.stringMatching(/^Parser Error/) });
    });

    it('cancels the statement running now: it rejects promptly as cancelled, and the runner answers the next one', async () => {
      for (const run of [
        () => t.runner.query('SELECT sum(range % 7) AS s FROM range(50000000000)'),
        () => t.runner.exec('CREATE TABLE contract_endless AS SELECT sum(range % 7) AS s FROM range(50000000000)'),
      ]) {
        const started = performance.now();
        const running = rejection(run());
        await new Promise((resolve) => setTimeout(resolve, 200));
        await t.runner.cancel();
        const e = await running;
        const tookMs = performance.now() - started;
        expect(isCancelledStatement(e), e.message).toBe(true);
        expect(classifyError(e, 'b').code).toBe('E_RUN_STOPPED');
        // DuckDB checks about every 100 ms; a generous bound, since the machines are shared.
        expect(tookMs).toBeLessThan(10_000);
      }
      expect(await t.runner.query('SELECT 42 AS x')).toEqual([{ x: 42 }]);
      expect(await t.runner.query("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'contract_endless'")).toEqual([{ n: 0 }]);
      // A cancel with nothing running changes nothing for the next statement.
      await t.runner.cancel();
      expect(await t.runner.query('SELECT 43 AS x')).toEqual([{ x: 43 }]);
    });

    it('is DuckDB v1.4.3', async () => {
      expect(await t.runner.version()).toBe('v1.4.3');
    });

    it('runs the music workshop flow to the golden row counts and byte-identical exports', async () => {
      const flow = parseFlow(readFileSync(join(fixturesDir, 'music-recommendation.flow.json'), 'utf8'));
      const inputs = {
        tracks: { path: await t.provideInput(musicInputs.tracks), fingerprint: 'tracks' },
        ratings: { path: await t.provideInput(musicInputs.ratings), fingerprint: 'ratings' },
      };
      const result = await new FlowExecutor(t.runner).run(flow, {
        preset: 'inspect',
        inputs,
        ...(t.exportBytes ? {} : { sinkPath: (file: string) => t.exportPath(file) }),
        models: cliModelHost({ threads: 1, backend: 'wasm' }),
      });
      expect(result.blocks.filter((b) => b.error).map((b) => b.error?.message)).toEqual([]);
      expect(Object.fromEntries(result.blocks.map((b) => [b.blockId, b.rows]))).toEqual(MUSIC_ROWS);
      const goldens = JSON.parse(readFileSync(join(expectedDir, 'music-recommendation.json'), 'utf8')) as Record<string, GoldenOutput>;
      for (const [file, golden] of Object.entries(goldens)) {
        const exporter = flow.blocks.find((b) => declaredOutputOf(b) === file)!;
        const rows = result.blocks.find((b) => b.blockId === exporter.id)?.rows;
        let bytes: Uint8Array;
        if (t.exportBytes) {
          const edge = flow.edges.find((e) => e.to.block === exporter.id)!;
          const input = result.blocks.find((b) => b.blockId === edge.from.block)!.outputs[edge.from.port]!;
          bytes = (await t.exportBytes(exporter, { in: input })).bytes;
        } else bytes = await t.readExport(t.exportPath(file));
        if ('json' in golden) {
          const values = new TextDecoder().decode(bytes).split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown);
          expect(sameValues(values, golden.json), `${file}: ${JSON.stringify(values)}`).toBe(true);
        } else if ('parquetRows' in golden) {
          expect(rows, file).toBe(golden.parquetRows);
        } else {
          expect(rows, file).toBe(golden.rows);
          expect({ bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }, file).toEqual({ bytes: golden.bytes, sha256: golden.sha256 });
        }
      }
    });
  });
}
