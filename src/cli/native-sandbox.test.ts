import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyError } from '../engine/run/classify-error';
import { quoteLiteral } from '../engine/sql/quote';
import { checkUserSql } from '../engine/sql/user-sql-guard';
import { NativeRunner } from './native-runner';
import { SpillDirectory } from './spill-directory';

/**
 * The second layer on its own: the engine as `wrangle run` opens it (the input files readable, the export files
 * writable, nothing else), given SQL that no check has seen. Each probe is refused by DuckDB's configuration.
 */
const root = mkdtempSync(join(tmpdir(), 'wrangle-native-sandbox-'));
const input = join(root, 'ratings.csv');
const stage = join(root, 'stage');
const exportFile = join(stage, 'result.csv');
let runner: NativeRunner;

beforeAll(async () => {
  mkdirSync(stage);
  writeFileSync(input, 'userId,Rating\n1,5\n');
  writeFileSync(join(root, 'secret.csv'), 'password\nhunter2\n');
  symlinkSync(root, join(stage, 'link'));
  runner = await NativeRunner.open({ readableFiles: [input], writableFiles: [exportFile], writableDirectories: [], threads: 1 });
});
afterAll(() => {
  runner.close();
  rmSync(root, { recursive: true, force: true });
});

const refusal = async (sql: string) => {
  const error = await runner.exec(sql).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `${sql} ran`).toBeInstanceOf(Error);
  return classifyError(error, 'probe');
};

describe('the engine the CLI opens refuses, with no check in front of it', () => {
  it.each([
    ['a file outside the inputs', "SELECT * FROM read_text('/etc/hostname')"],
    ['a file beside the input', `SELECT * FROM read_csv(${quoteLiteral(join(root, 'secret.csv'))})`],
    ['.. from the input', `SELECT * FROM read_csv(${quoteLiteral(`${input}/../secret.csv`)})`],
    ['./.. from the export file', `SELECT * FROM read_csv(${quoteLiteral(`${exportFile}/./.././../secret.csv`)})`],
    ['./.. from its directory', `SELECT * FROM read_csv(${quoteLiteral(`${stage}/./.././secret.csv`)})`],
    ['a link inside the staging directory that points out of it', `SELECT * FROM read_csv(${quoteLiteral(join(stage, 'link', 'secret.csv'))})`],
    ['a glob', `SELECT * FROM glob(${quoteLiteral(`${stage}/*`)})`],
    ['an https:// URL', "SELECT * FROM read_csv('https://example.com/x.csv')"],
    ['COPY to another file of the staging directory', `COPY (SELECT 1) TO ${quoteLiteral(join(stage, 'other.csv'))}`],
    ['COPY through ./.. from the export file', `COPY (SELECT 1) TO ${quoteLiteral(`${exportFile}/./../../escaped.csv`)}`],
    ['COPY through a link', `COPY (SELECT 1) TO ${quoteLiteral(join(stage, 'link', 'escaped.csv'))}`],
    ['EXPORT DATABASE', `EXPORT DATABASE ${quoteLiteral(join(stage, 'db'))}`],
    ['ATTACH', `ATTACH ${quoteLiteral(join(stage, 'x.duckdb'))}`],
    ['INSTALL', 'INSTALL httpfs'],
    ['LOAD', 'LOAD httpfs'],
    ['RESET', 'RESET enable_external_access'],
    ['a PRAGMA that sets', 'PRAGMA threads = 1'],
  ])('%s', async (_name, sql) => {
    expect((await refusal(sql)).code).toBe('E_SANDBOX_DENIED');
    expect(readdirSync(stage).sort()).toEqual(['link']);
    expect(readdirSync(root).sort()).toEqual(['ratings.csv', 'secret.csv', 'stage']);
  });

  it('every SET is refused by the check, and by the locked configuration (but the two name-lookup settings)', async () => {
    const settings = await runner.query('SELECT name, value FROM duckdb_settings() ORDER BY name');
    expect(settings.length).toBeGreaterThan(100);
    const ran: string[] = [];
    for (const { name, value } of settings) {
      const sql = `SET ${String(name)} = ${quoteLiteral(String(value ?? ''))}`;
      const engine = await runner.exec(sql).then(
        () => undefined,
        (e: unknown) => classifyError(e, 'probe').code,
      );
      const check = await checkUserSql(runner, { as: 'query', text: sql, tables: ['df'], param: 'query' }).then(
        () => undefined,
        (e: { code?: string }) => e.code,
      );
      if (engine !== 'E_SANDBOX_DENIED' || check !== 'E_SQL_NOT_SELECT') ran.push(`${sql}: engine ${engine}, check ${check}`);
    }
    // DuckDB keeps `schema` and `search_path` settable after the lock: they choose where unqualified names are
    // looked up, in this connection, and reach no file; the check refuses them with every other SET.
    expect(ran).toEqual([
      "SET schema = 'main': engine undefined, check E_SQL_NOT_SELECT",
      "SET search_path = '': engine undefined, check E_SQL_NOT_SELECT",
    ]);
  });

  it('allows exactly the declared files: the input read, the export written', async () => {
    expect(await runner.query(`SELECT count(*) AS n FROM read_csv(${quoteLiteral(input)})`)).toEqual([{ n: 1 }]);
    await runner.exec(`COPY (SELECT 1 AS x) TO ${quoteLiteral(exportFile)}`);
    expect(existsSync(exportFile)).toBe(true);
    rmSync(exportFile);
  });

  it('allows no directory when it is given no spill directory', async () => {
    const rows = await runner.query("SELECT current_setting('allowed_directories') AS dirs, current_setting('temp_directory') AS spill");
    expect(rows).toEqual([{ dirs: '[]', spill: '' }]);
  });
});

describe('why the CLI allows no directory', () => {
  it('DuckDB 1.4.3 lets <dir>/./../ out of an allowed directory (if this fails, DuckDB fixed it: reconsider)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wrangle-allowed-dir-'));
    const open = await NativeRunner.open({ readableFiles: [], writableDirectories: [dir], threads: 1 });
    try {
      const depth = dir.split('/').length;
      const escape = `${dir}/${'./../'.repeat(depth)}${root.slice(1)}/secret.csv`;
      expect(await open.query(`SELECT count(*) AS n FROM read_csv(${quoteLiteral(escape)})`)).toEqual([{ n: 1 }]);
      await expect(open.query(`SELECT count(*) AS n FROM read_csv(${quoteLiteral(`${dir}/../${root.split('/').pop()}/secret.csv`)})`)).rejects.toThrow(/Permission Error/);
    } finally {
      open.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the spill directory: the engine spills into it, and no statement gets out of it', () => {
  // `parent` plays --temp-dir: it holds the private root and, beside it, a file no statement may read.
  const parent = mkdtempSync(join(tmpdir(), 'wrangle-native-spill-'));
  const beside = join(parent, 'beside.csv');
  let spill: SpillDirectory;
  let spilling: NativeRunner;
  /** The shortest path that climbs from the spill directory out of the private root past DuckDB's check: `/./..` a level. */
  const climbOut = () => `${spill.path}${'/./..'.repeat(spill.path.slice(spill.root.length).split('/').filter((c) => c !== '.').length)}`;

  beforeAll(async () => {
    writeFileSync(beside, 'password\nhunter2\n');
    spill = SpillDirectory.create(parent);
    symlinkSync(spill.path, join(parent, 'link'));
    spilling = await NativeRunner.open({ readableFiles: [input], writableDirectories: [], spillDirectory: spill.path, memoryLimitBytes: 32 * 2 ** 20, threads: 1 });
  });
  afterAll(() => {
    spilling.close();
    spill.remove();
    rmSync(parent, { recursive: true, force: true });
  });

  const refused = async (sql: string) => {
    const error = await spilling.exec(sql).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error, `${sql} ran`).toBeInstanceOf(Error);
    expect(String(error)).not.toContain('hunter2');
    // An error names the padded spill directory in a few words.
    expect(String(error)).not.toContain(spill.path);
    expect(readdirSync(parent).sort()).toEqual(['beside.csv', 'link', spill.root.split('/').pop()]);
    return classifyError(error, 'probe').code;
  };

  it('a table bigger than the memory limit is spilled there', async () => {
    await spilling.exec("CREATE TABLE big AS SELECT i, repeat('x', 60) || i AS s FROM range(1000000) t(i)");
    expect(spill.bytesNow()).toBeGreaterThan(0);
    expect(await spilling.query('SELECT count(*) AS n, max(s) AS top FROM big')).toEqual([{ n: 1_000_000, top: `${'x'.repeat(60)}999999` }]);
    await spilling.exec('DROP TABLE big');
  });

  it('is made readable by its owner only, deep inside a root with a random name', () => {
    expect(statSync(spill.root).mode & 0o777).toBe(0o700);
    expect(statSync(spill.path).mode & 0o777).toBe(0o700);
    expect(spill.path.slice(spill.root.length)).toMatch(/^\/[0-9a-f]{32}(\/d){16}(\/\.)+$/);
    expect(spill.path.length).toBeGreaterThan(4000);
  });

  it.each([
    ['a listing of --temp-dir', () => `SELECT * FROM glob(${quoteLiteral(`${parent}/*`)})`],
    ['a listing of the private root', () => `SELECT * FROM glob(${quoteLiteral(`${spill.root}/*`)})`],
    ['a file beside the private root', () => `SELECT * FROM read_text(${quoteLiteral(beside)})`],
    ['./.. from the private root', () => `SELECT * FROM read_text(${quoteLiteral(`${spill.root}/./../beside.csv`)})`],
    ['a link to the spill directory', () => `SELECT * FROM glob(${quoteLiteral(join(parent, 'link', '*'))})`],
    ['COPY through the link', () => `COPY (SELECT 1) TO ${quoteLiteral(join(parent, 'link', 'x.csv'))}`],
  ])('%s', async (_name, sql) => {
    expect(await refused(sql())).toBe('E_SANDBOX_DENIED');
  });

  // DuckDB allows its temp directory by the text of its name (see below), so these pass DuckDB's check; the kernel
  // refuses them, since no path that climbs out of the root fits in PATH_MAX. A read finds nothing (no files match).
  it.each([
    ['read_text out of it with ./.. (its name guessed)', () => `SELECT * FROM read_text(${quoteLiteral(`${climbOut()}/beside.csv`)})`],
    ['a glob out of it', () => `SELECT * FROM glob(${quoteLiteral(`${climbOut()}/*`)})`],
  ])('%s', async (_name, sql) => {
    expect(climbOut().length).toBeGreaterThanOrEqual(4096);
    const got = await spilling.query(sql()).catch((e: unknown) => classifyError(e, 'probe').code);
    expect(got === 'E_QUERY_FAILED' || (Array.isArray(got) && got.length === 0), JSON.stringify(got)).toBe(true);
    expect(readdirSync(parent).sort()).toEqual(['beside.csv', 'link', spill.root.split('/').pop()]);
  });

  it.each([
    ['read_csv out of it', () => `SELECT * FROM read_csv(${quoteLiteral(`${climbOut()}/beside.csv`)})`],
    ['COPY … TO out of it', () => `COPY (SELECT 1) TO ${quoteLiteral(`${climbOut()}/escaped.csv`)}`],
    ['ATTACH out of it', () => `ATTACH ${quoteLiteral(`${climbOut()}/escaped.duckdb`)}`],
  ])('%s', async (_name, sql) => {
    expect(climbOut().length).toBeGreaterThanOrEqual(4096);
    expect(await refused(sql())).toMatch(/^E_(QUERY_FAILED|SANDBOX_DENIED)$/);
    expect(await spilling.exec(sql()).catch((e: unknown) => String(e))).toMatch(/<the run's spill directory>(\/\.\/\.\.)+\/escaped|File name too long|No files found/);
  });

  it('DuckDB 1.4.3 allows its temp directory by name (if this fails, DuckDB stopped: reconsider the secret name)', async () => {
    const rows = await spilling.query("SELECT current_setting('allowed_directories')::VARCHAR AS dirs, current_setting('temp_directory') AS spill");
    expect(rows).toEqual([{ dirs: `[${spill.path}/]`, spill: spill.path }]);
    // So a statement that knows the name reaches the spill files themselves: flow SQL can neither name a path nor
    // read the setting (sql-policy.ts), and the name holds 128 random bits.
    expect(await spilling.query(`SELECT count(*) AS n FROM glob(${quoteLiteral(`${spill.path}/*`)})`)).toEqual([{ n: expect.any(Number) }]);
  });
});
