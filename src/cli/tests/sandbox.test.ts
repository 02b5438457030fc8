import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../testing/run-cli';
import { runCliInProcess } from '../../testing/run-cli-in-process';
import { writeFlow } from './flow-variants';

/**
 * Attack probes through the `wrangle` CLI: each flow is refused, the exit code is 1, and no file appears anywhere.
 * They run the CLI's `main` in this process (a child process per probe would take most of a minute); a few run
 * through the real binary too. The data directory is tiny and also holds a file the flow does not declare.
 */
const data = mkdtempSync(join(tmpdir(), 'wrangle-sandbox-data-'));
writeFileSync(join(data, 'ratings.csv'), 'userId,trackId,Rating\n1,10,5\n1,11,3\n2,10,4\n');
writeFileSync(join(data, 'secret.csv'), 'password\nhunter2\n');
const outside = mkdtempSync(join(tmpdir(), 'wrangle-sandbox-outside-'));
writeFileSync(join(outside, 'private.csv'), 'userId,trackId,Rating\n9,9,9\n');
const linked = mkdtempSync(join(tmpdir(), 'wrangle-sandbox-linked-'));
symlinkSync(join(outside, 'private.csv'), join(linked, 'ratings.csv'));
// Every run's --temp-dir: each makes its private spill directory here, and must leave nothing behind.
const spillParent = mkdtempSync(join(tmpdir(), 'wrangle-sandbox-spill-'));
const guessedSpill = join(spillParent, 'wrangle-spill-AAAAAA', '0'.repeat(32));
const evil = ['/tmp/wrangle-evil.csv', '/tmp/wrangle-evil.duckdb', '/tmp/wrangle-evil-db', join(data, 'evil.csv')];
afterAll(() => [data, outside, linked, spillParent].forEach((d) => rmSync(d, { recursive: true, force: true })));

type Hostile =
  | { kind: 'sql'; query: string }
  | { kind: 'formula'; expression: string }
  | { kind: 'filter'; condition: string }
  | { kind: 'export'; file: string };

/** import ratings → the hostile block → export: the smallest flow that runs what a user wrote. */
function hostileFlow(h: Hostile) {
  const params =
    h.kind === 'sql' ? { query: h.query } : h.kind === 'formula' ? { column: 'x', expression: h.expression } : h.kind === 'filter' ? { condition: h.condition } : {};
  const middle = h.kind === 'export' ? [] : [{ id: 'hostile', kind: h.kind, params }];
  const save = { id: h.kind === 'export' ? 'hostile' : 'save', kind: 'export', params: { file: h.kind === 'export' ? h.file : 'result.csv' } };
  const inPort = h.kind === 'sql' ? 'df' : 'in';
  const edges = [
    ...(middle.length ? [{ from: { block: 'ratings', port: 'out' }, to: { block: 'hostile', port: inPort } }] : []),
    { from: { block: middle.length ? 'hostile' : 'ratings', port: 'out' }, to: { block: save.id, port: 'in' } },
  ];
  return {
    format: 'wrangle-flow',
    version: 1,
    name: 'hostile',
    blocks: [{ id: 'ratings', kind: 'import', params: { input: 'ratings', file: 'ratings.csv' } }, ...middle, save],
    edges,
  };
}

const sql = (query: string): Hostile => ({ kind: 'sql', query });
const formula = (expression: string): Hostile => ({ kind: 'formula', expression });

/** [what it tries, the flow's hostile part, the error code, what the message names, the arguments instead of --data]. */
const probes: [string, Hostile, string, string?, string[]?][] = [
  ['read_csv of /etc/passwd', sql("SELECT * FROM read_csv('/etc/passwd')"), 'E_SQL_REFUSED'],
  ['read_text', sql("SELECT * FROM read_text('/etc/hostname')"), 'E_SQL_REFUSED'],
  ['glob', sql("SELECT * FROM glob('/*')"), 'E_SQL_REFUSED'],
  ['a file beside the input that is not declared', sql(`SELECT * FROM read_csv('${join(data, 'secret.csv')}')`), 'E_SQL_REFUSED'],
  ['the same file, named in FROM', sql(`SELECT * FROM '${join(data, 'secret.csv')}'`), 'E_SQL_REFUSED'],
  ['.. in a path', sql("SELECT * FROM read_csv('../../etc/passwd')"), 'E_SQL_REFUSED'],
  ['./.. out of a directory (DuckDB 1.4.3 lets it past allowed_directories)', sql("SELECT * FROM read_text('/tmp/./.././../etc/hostname')"), 'E_SQL_REFUSED'],
  ['an https:// URL', sql("SELECT * FROM read_csv('https://example.com/data.csv')"), 'E_SQL_REFUSED'],
  ['an https:// URL in FROM', sql("SELECT * FROM 'https://example.com/data.parquet'"), 'E_SQL_REFUSED'],
  ['the staging directory, from the settings', sql("SELECT current_setting('allowed_paths') AS p FROM df"), 'E_SQL_REFUSED'],
  ['the settings view', sql('SELECT * FROM pg_catalog.pg_settings'), 'E_SQL_REFUSED'],
  ['SQL made from text', sql("SELECT * FROM query('SELECT * FROM read_csv(''/etc/passwd'')')"), 'E_SQL_REFUSED'],
  ['the spill directory, from the settings', sql("SELECT current_setting('temp_directory') AS p FROM df"), 'E_SQL_REFUSED'],
  ['the spill files, from the engine', sql('SELECT * FROM duckdb_temporary_files()'), 'E_SQL_REFUSED'],
  ['a listing of --temp-dir', sql(`SELECT * FROM glob('${spillParent}/*')`), 'E_SQL_REFUSED'],
  ['the spill files, by a pattern', sql(`SELECT * FROM read_blob('${spillParent}/wrangle-spill-*/*/*')`), 'E_SQL_REFUSED'],
  ['./.. out of a guessed spill directory', sql(`SELECT * FROM read_text('${guessedSpill}/./.././.././../etc/hostname')`), 'E_SQL_REFUSED'],
  ['COPY … TO a guessed spill directory', sql(`COPY (SELECT 1) TO '${guessedSpill}/x.csv'`), 'E_SQL_NOT_SELECT'],
  ['ATTACH in --temp-dir', sql(`ATTACH '${spillParent}/x.duckdb'`), 'E_SQL_NOT_SELECT'],
  ['COPY … TO elsewhere', sql("COPY (SELECT 1) TO '/tmp/wrangle-evil.csv'"), 'E_SQL_NOT_SELECT'],
  ['a second statement after the SELECT', sql("SELECT 1; COPY (SELECT 1) TO '/tmp/wrangle-evil.csv'"), 'E_SQL_INVALID'],
  ['EXPORT DATABASE', sql("EXPORT DATABASE '/tmp/wrangle-evil-db'"), 'E_SQL_NOT_SELECT'],
  ['ATTACH', sql("ATTACH '/tmp/wrangle-evil.duckdb'"), 'E_SQL_NOT_SELECT'],
  ['INSTALL', sql('INSTALL httpfs'), 'E_SQL_NOT_SELECT'],
  ['LOAD', sql('LOAD httpfs'), 'E_SQL_NOT_SELECT'],
  ['SET', sql('SET enable_external_access = true'), 'E_SQL_NOT_SELECT'],
  ['RESET', sql('RESET lock_configuration'), 'E_SQL_NOT_SELECT'],
  ['a formula that reads a file', formula("(SELECT count(*) FROM read_csv('/etc/passwd'))"), 'E_SQL_REFUSED'],
  ['a formula that reads a URL', formula("(SELECT count(*) FROM read_text('https://example.com/'))"), 'E_SQL_REFUSED'],
  ['a formula that escapes its parentheses', formula("1) AS y FROM read_csv('/etc/passwd') --"), 'E_FORMULA_SYNTAX'],
  ["a formula whose E'' string hides a closing parenthesis", formula("E'\\'' ) AS y FROM read_csv('/etc/passwd') --'"), 'E_FORMULA_SYNTAX'],
  ['a filter that reads a file', { kind: 'filter', condition: "userId IN (SELECT 1 FROM '/etc/passwd')" }, 'E_SQL_REFUSED'],
  ['an export written outside --out', { kind: 'export', file: '../wrangle-escape.csv' }, 'E_FLOW_INVALID', '$.blocks[1].params.file'],
  ['a link in the data directory that points out of it', sql('SELECT * FROM df'), 'E_SANDBOX_DENIED', 'ratings.csv', ['--data', linked]],
];

async function probe(run: typeof runCli, hostile: Hostile, code: string, mention = 'hostile', args = ['--data', data]): Promise<void> {
  const { path, out, dir } = writeFlow(hostileFlow(hostile));
  // A --temp-dir of its own: the real binary's probes run at once.
  const temp = mkdtempSync(join(spillParent, 'probe-'));
  const r = await run(['run', path, ...args, '--out', out, '--temp-dir', temp]);
  expect(r.code, r.stderr).toBe(1);
  expect(readdirSync(temp)).toEqual([]);
  expect(r.stderr).toContain(code);
  expect(r.stderr).toContain(mention);
  expect(existsSync(out)).toBe(false);
  expect(readdirSync(dir)).toEqual(['test.flow.json']);
  expect(readdirSync(data).sort()).toEqual(['ratings.csv', 'secret.csv']);
  for (const file of [...evil, join(dir, '..', 'wrangle-escape.csv')]) expect(existsSync(file), file).toBe(false);
}

describe('the CLI refuses what a flow may not do, and writes nothing', () => {
  it.each(probes)('%s', async (_name, hostile, code, mention, args) => {
    await probe(runCliInProcess, hostile, code, mention, args);
  });

  it('the same flow with a harmless query runs (the probes fail for the right reason)', async () => {
    const { path, out } = writeFlow(hostileFlow(sql('SELECT userId, count(*) AS n FROM df GROUP BY userId')));
    const r = await runCliInProcess(['run', path, '--data', data, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(out, 'result.csv'), 'utf8')).toBe('userId,n\n1,2\n2,1\n');
  });

  it('a run that spills leaves nothing in --temp-dir, and says how much it spilled', async () => {
    const { path, out } = writeFlow(hostileFlow(sql("SELECT i, repeat('x', 60) || i AS s FROM range(1000000) t(i) ORDER BY s DESC")));
    const temp = mkdtempSync(join(spillParent, 'spills-'));
    const r = await runCliInProcess(['run', path, '--data', data, '--out', out, '--temp-dir', temp, '--memory-limit', '40MiB', '--threads', '1', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as { memoryLimitMiB: number; spillPeakMiB: number };
    expect(summary.memoryLimitMiB).toBe(40);
    expect(summary.spillPeakMiB).toBeGreaterThan(0);
    expect(readdirSync(temp)).toEqual([]);
  });

  it('the linked file is readable when the user names it with --input', async () => {
    const { path, out } = writeFlow(hostileFlow(sql('SELECT * FROM df')));
    const r = await runCliInProcess(['run', path, '--input', `ratings=${join(linked, 'ratings.csv')}`, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(out, 'result.csv'), 'utf8')).toBe('userId,trackId,Rating\n9,9,9\n');
  });
});

describe.concurrent('the real binary refuses them the same way', () => {
  it.each(probes.filter(([name]) => /^(read_csv of|a formula that escapes|a link in the data)/.test(name)))('%s', async (_name, hostile, code, mention, args) => {
    await probe(runCli, hostile, code, mention, args);
  });
});

describe('outputs are replaced only on purpose, and only whole', () => {
  const flowOf = (query: string) => writeFlow(hostileFlow(sql(query)));
  const out = join(mkdtempSync(join(tmpdir(), 'wrangle-sandbox-out-')), 'out');

  it('a run writes the output; running again without --force refuses and leaves it as it was', async () => {
    const first = flowOf('SELECT userId FROM df ORDER BY userId');
    expect((await runCliInProcess(['run', first.path, '--data', data, '--out', out])).code).toBe(0);
    const before = readFileSync(join(out, 'result.csv'));
    const again = await runCliInProcess(['run', flowOf('SELECT 42 AS other FROM df').path, '--data', data, '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/E_OUTPUT_EXISTS.*--force/s);
    expect(readFileSync(join(out, 'result.csv'))).toEqual(before);
  });

  it('a run that fails, even with --force, leaves the earlier output intact and no partial file', async () => {
    const before = readFileSync(join(out, 'result.csv'));
    const r = await runCliInProcess(['run', flowOf("SELECT * FROM read_csv('/etc/passwd')").path, '--data', data, '--out', out, '--force']);
    expect(r.code).toBe(1);
    expect(readFileSync(join(out, 'result.csv'))).toEqual(before);
    expect(readdirSync(out)).toEqual(['result.csv']);
  });

  it('--force replaces the output with the new one', async () => {
    const r = await runCliInProcess(['run', flowOf('SELECT 42 AS other FROM df LIMIT 1').path, '--data', data, '--out', out, '--force']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(out, 'result.csv'), 'utf8')).toBe('other\n42\n');
    expect(readdirSync(out)).toEqual(['result.csv']);
  });
});
