import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NativeRunner } from '../../cli/native-runner';
import { flowOf as flow } from '../../testing/flow-of';
import { FlowExecutor, type ExecuteOptions, type RunResult, type StudioHooks } from './executor';

let dir: string;
let runner: NativeRunner;
let inputs: ExecuteOptions['inputs'];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wrangle-exec-'));
  const tracks = join(dir, 'tracks.csv');
  const ratings = join(dir, 'ratings.csv');
  writeFileSync(tracks, 'trackId,genre,valence,energy\nt1,rock,0.5,1\nt2,pop,1,0.5\nt3,rock,0,0\nt4,jazz,0.25,0.75\n');
  writeFileSync(ratings, 'userId,trackId,Rating\nu1,t1,5\nu1,t2,3\nu2,t1,4\n');
  runner = await NativeRunner.open({ readableFiles: [tracks, ratings], writableDirectories: [dir], threads: 2 });
  inputs = { tracks: { path: tracks, fingerprint: 'tracks-v1' }, ratings: { path: ratings, fingerprint: 'ratings-v1' } };
});
afterAll(() => runner.close());

const importTracks = { id: 'tracks', kind: 'import', params: { input: 'tracks', file: 'tracks.csv' } };
const importRatings = { id: 'ratings', kind: 'import', params: { input: 'ratings', file: 'ratings.csv' } };
const danceability = (expression = '0.5*valence + 0.5*energy') => ({ id: 'dance', kind: 'formula', params: { column: 'danceability', expression } });
const perGenre = (fn: string) => ({
  id: 'per_genre',
  kind: 'aggregate',
  params: { groupBy: ['genre'], aggregations: [{ column: 'danceability', fn, as: 'd' }] },
});
const chain = (fn = 'avg', expression?: string) =>
  flow(
    [importTracks, danceability(expression), perGenre(fn)],
    [
      ['tracks', 'out', 'dance', 'in'],
      ['dance', 'out', 'per_genre', 'in'],
    ],
  );

const byId = (r: RunResult) => Object.fromEntries(r.blocks.map((b) => [b.blockId, b]));
const tableOptions: ExecuteOptions = { preset: 'inspect', inputs: {} };
const opts = (extra: Partial<ExecuteOptions> = {}): ExecuteOptions => ({ ...tableOptions, inputs, ...extra });

describe('FlowExecutor', () => {
  it('shows the first rows of a block it is asked to before it builds the whole result, and drops that view with it', async () => {
    const big = join(dir, 'big.csv');
    writeFileSync(big, `n,half\n${Array.from({ length: 5000 }, (_, i) => `${i},${i / 2}`).join('\n')}\n`);
    const own = await NativeRunner.open({ readableFiles: [big], writableDirectories: [dir], threads: 2 });
    try {
      const executor = new FlowExecutor(own);
      const seen: { blockId: string; rows: number; columns: string[] }[] = [];
      const firstRows: StudioHooks['firstRows'] = {
        wants: (blockId) => blockId === 'big',
        show: async (blockId, rel) => {
          const [row] = await own.query(`SELECT count(*) AS n FROM ${rel.ref}`);
          seen.push({ blockId, rows: Number(row?.n), columns: rel.columns.map((c) => c.name) });
        },
      };
      const importBig = (fraction?: number) => ({
        id: 'big',
        kind: 'import',
        params: { input: 'big', file: 'big.csv', ...(fraction ? { sampling: { mode: 'fraction', fraction, seed: 1 } } : {}) },
      });
      const bigInputs = { big: { path: big, fingerprint: 'big-v1' } };
      const r = await executor.run(flow([importBig()], []), { ...tableOptions, preset: 'studio', inputs: bigInputs, studio: { firstRows } });
      expect(seen).toEqual([{ blockId: 'big', rows: 1000, columns: ['n', 'half'] }]);
      expect(byId(r).big?.rows).toBe(5000);
      // A cached result needs no first look.
      await executor.run(flow([importBig()], []), { ...tableOptions, preset: 'studio', inputs: bigInputs, studio: { firstRows } });
      expect(seen).toHaveLength(1);
      const views = async () => (await own.query("SELECT view_name FROM duckdb_views() WHERE view_name LIKE '%\\_first' ESCAPE '\\'")).length;
      expect(await views()).toBe(1);
      // An edit supersedes the result: its first-rows view goes with it.
      await executor.run(flow([importBig(0.5)], []), { ...tableOptions, preset: 'studio', inputs: bigInputs, studio: { firstRows } });
      expect(seen).toHaveLength(2);
      expect(await views()).toBe(1);
    } finally {
      own.close();
    }
  });

  it('runs import → formula → aggregate into tables, with row counts', async () => {
    const r = await new FlowExecutor(runner).run(chain(), opts());
    expect(r.ok).toBe(true);
    expect(r.blocks.map((b) => [b.blockId, b.status, b.rows])).toEqual([
      ['tracks', 'ok', 4],
      ['dance', 'ok', 4],
      ['per_genre', 'ok', 3],
    ]);
    const agg = byId(r).per_genre!;
    expect(agg.outputs.out!.columns.map((c) => c.name)).toEqual(['genre', 'd']);
    expect(await runner.query(`SELECT * FROM ${agg.outputs.out!.ref} ORDER BY genre`)).toEqual([
      { genre: 'jazz', d: 0.5 },
      { genre: 'pop', d: 0.75 },
      { genre: 'rock', d: 0.375 },
    ]);
    expect(r.script.some((s) => s.startsWith('CREATE OR REPLACE TABLE'))).toBe(true);
  });

  it("gives a block's report the first row of its own output: Evaluate reports the rows it scored, cached or not", async () => {
    const scored = flow(
      [
        importRatings,
        { id: 'guess', kind: 'formula', params: { column: 'prediction', expression: 'Rating - 0.5' } },
        { id: 'eval', kind: 'evaluate', params: { ratingColumn: 'Rating' } },
      ],
      [
        ['ratings', 'out', 'guess', 'in'],
        ['guess', 'out', 'eval', 'in'],
      ],
    );
    const executor = new FlowExecutor(runner);
    for (let run = 0; run < 2; run++) {
      const evaluated = byId(await executor.run(scored, opts())).eval;
      expect(evaluated?.cached ?? false).toBe(run === 1);
      expect(evaluated?.report).toEqual({ scored: 3, of: 'rows' });
    }
  });

  it('after an edit, recomputes only the edited block and those downstream of it', async () => {
    const executor = new FlowExecutor(runner);
    const first = await executor.run(chain('avg'), opts());
    expect(first.blocks.every((b) => !b.cached)).toBe(true);

    const second = await executor.run(chain('max'), opts());
    const b = byId(second);
    expect(b.tracks).toMatchObject({ status: 'ok', cached: true, rows: 4, hash: byId(first).tracks!.hash });
    expect(b.dance).toMatchObject({ status: 'ok', cached: true, rows: 4 });
    expect(b.per_genre!.cached).toBeUndefined();
    expect(b.per_genre!.hash).not.toBe(byId(first).per_genre!.hash);
    expect(await runner.query(`SELECT d FROM ${b.per_genre!.outputs.out!.ref} ORDER BY genre`)).toEqual([{ d: 0.5 }, { d: 0.75 }, { d: 0.75 }]);
    // Nothing upstream was rebuilt: the script only holds the aggregate's statement.
    expect(second.script).toHaveLength(1);

    // An edit in the middle recomputes it and everything below it.
    const third = await executor.run(chain('max', 'valence'), opts());
    expect(third.blocks.map((x) => [x.blockId, x.cached ?? false])).toEqual([
      ['tracks', true],
      ['dance', false],
      ['per_genre', false],
    ]);
  });

  it('with dropSuperseded, an edit drops the results it replaces (the studio out-of-memory at 1M rows)', async () => {
    const executor = new FlowExecutor(runner);
    const tables = async () => (await runner.query("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'w\\_%' ESCAPE '\\'")).map((r) => String(r.table_name));
    const before = new Set(await tables());
    // A fingerprint of its own, so no earlier test already made these tables.
    const own = opts({ preset: 'studio', inputs: { ...inputs, tracks: { ...inputs.tracks!, fingerprint: 'tracks-drop' } } });
    const first = await executor.run(chain('avg', 'valence'), own);
    const firstTables = (await tables()).filter((t) => !before.has(t));
    expect(firstTables).toHaveLength(3);
    const second = await executor.run(chain('avg', 'energy'), own);
    const now = (await tables()).filter((t) => !before.has(t));
    // The import is unchanged and kept; the formula and the aggregate were replaced, not added to.
    expect(now).toHaveLength(3);
    expect(byId(second).tracks!.cached).toBe(true);
    expect(now).toContain(firstTables.find((t) => byId(first).tracks!.outputs.out!.ref.includes(t)));
  });

  it('an aborted signal stops the run at the next block boundary and reports what finished', async () => {
    const controller = new AbortController();
    const r = await new FlowExecutor(runner).run(chain('sum'), opts({ signal: controller.signal, onEvent: (e) => e.type === 'done' && e.blockId === 'dance' && controller.abort() }));
    expect(r.cancelled).toBe(true);
    expect(r.blocks.map((b) => b.blockId)).toEqual(['tracks', 'dance']);
  });

  it('a changed input file fingerprint recomputes the import and everything below it', async () => {
    const executor = new FlowExecutor(runner);
    await executor.run(chain(), opts());
    const changed = { ...inputs, tracks: { ...inputs.tracks!, fingerprint: 'tracks-v2' } };
    const r = await executor.run(chain(), opts({ inputs: changed }));
    expect(r.blocks.map((x) => x.cached ?? false)).toEqual([false, false, false]);
  });

  it('an unconnected input fails only its block; an independent branch still runs', async () => {
    const joined = flow(
      [
        importTracks,
        importRatings,
        { id: 'j', kind: 'join', params: { type: 'inner', keys: [{ left: 'trackId', right: 'trackId' }] } },
        { id: 'after_join', kind: 'formula', params: { column: 'x', expression: '1' } },
        danceability(),
      ],
      [
        ['ratings', 'out', 'j', 'left'],
        ['j', 'out', 'after_join', 'in'],
        ['tracks', 'out', 'dance', 'in'],
      ],
    );
    const r = await new FlowExecutor(runner).run(joined, opts());
    const b = byId(r);
    expect(r.ok).toBe(false);
    expect(b.j).toMatchObject({ status: 'error', error: { code: 'E_PORT_UNCONNECTED', blockId: 'j' } });
    expect(b.j!.error!.message).toBe('Input "right" is not connected.');
    expect(b.after_join!.status).toBe('blocked');
    expect(b.dance).toMatchObject({ status: 'ok', rows: 4 });
    expect(b.ratings).toMatchObject({ status: 'ok', rows: 3 });
  });

  it('stopOnError stops at the first failing block', async () => {
    // A fingerprint of its own: the CLI keeps this import as a view, where earlier tests made the same hash a table.
    const own = { ...inputs, tracks: { ...inputs.tracks!, fingerprint: 'tracks-cli' } };
    const r = await new FlowExecutor(runner).run(chain('avg', 'valence +'), opts({ preset: 'cli', inputs: own }));
    expect(r.ok).toBe(false);
    expect(r.blocks.map((b) => [b.blockId, b.status])).toEqual([
      ['tracks', 'ok'],
      ['dance', 'error'],
    ]);
  });

  it.each([
    ['a guard error', '1 +)'],
    ['a parser error', 'valence +'],
  ])('a formula typo (%s) is E_FORMULA_SYNTAX with its blockId', async (_name, expression) => {
    const r = await new FlowExecutor(runner).run(chain('avg', expression), opts());
    const b = byId(r);
    expect(b.dance!.error?.toJSON()).toMatchObject({ code: 'E_FORMULA_SYNTAX', blockId: 'dance' });
    expect(b.per_genre!.status).toBe('blocked');
  });

  it('writes an export through the sink path', async () => {
    const exported = flow(
      [importTracks, danceability(), { id: 'out', kind: 'export', params: { file: 'dance.csv' } }],
      [
        ['tracks', 'out', 'dance', 'in'],
        ['dance', 'out', 'out', 'in'],
      ],
    );
    const r = await new FlowExecutor(runner).run(exported, opts({ sinkPath: (f) => join(dir, f) }));
    expect(r.ok).toBe(true);
    expect(byId(r).out!.report).toEqual({ fileName: 'dance.csv', path: join(dir, 'dance.csv'), rows: 4 });
    expect(readFileSync(join(dir, 'dance.csv'), 'utf8').split('\n')[0]).toBe('trackId,genre,valence,energy,danceability');
  });

  it('an input outside the sandbox is refused', async () => {
    const outside = { ...inputs, tracks: { path: '/etc/hostname', fingerprint: 'x' } };
    const r = await new FlowExecutor(runner).run(chain(), opts({ inputs: outside }));
    expect(byId(r).tracks).toMatchObject({ status: 'error', error: { code: 'E_SANDBOX_DENIED', blockId: 'tracks' } });
  });
});
