import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../../testing/run-cli';
import { writeFlow } from './flow-variants';

const data = join(repoRoot, 'sample-data', 'music');

/** import ratings → (sql | formula) → export: the smallest flow that runs a user's SQL. */
function hostileFlow(block: { kind: 'sql'; query: string } | { kind: 'formula'; expression: string }) {
  const user =
    block.kind === 'sql'
      ? { id: 'hostile', kind: 'sql', params: { query: block.query } }
      : { id: 'hostile', kind: 'formula', params: { column: 'x', expression: block.expression } };
  const inPort = block.kind === 'sql' ? 'df' : 'in';
  return {
    format: 'wrangle-flow',
    version: 1,
    name: 'hostile',
    blocks: [
      { id: 'ratings', kind: 'import', params: { input: 'ratings', file: 'ratings.csv' } },
      user,
      { id: 'save', kind: 'export', params: { file: 'result.csv' } },
    ],
    edges: [
      { from: { block: 'ratings', port: 'out' }, to: { block: 'hostile', port: inPort } },
      { from: { block: 'hostile', port: 'out' }, to: { block: 'save', port: 'in' } },
    ],
  };
}

const probes: [string, Parameters<typeof hostileFlow>[0]][] = [
  ['read_csv of /etc/passwd', { kind: 'sql', query: "SELECT * FROM read_csv('/etc/passwd')" }],
  ['read_text', { kind: 'sql', query: "SELECT * FROM read_text('/etc/hostname')" }],
  ['glob', { kind: 'sql', query: "SELECT * FROM glob('/*')" }],
  ['a sibling file that is not a declared input', { kind: 'sql', query: `SELECT * FROM read_csv('${join(data, 'tracks.csv')}')` }],
  ['a relative path out of the data dir', { kind: 'sql', query: "SELECT * FROM read_csv('../../etc/passwd')" }],
  ['COPY … TO elsewhere', { kind: 'sql', query: "COPY (SELECT 1) TO '/tmp/wrangle-evil.csv'" }],
  ['a second statement after the SELECT', { kind: 'sql', query: "SELECT 1; COPY (SELECT 1) TO '/tmp/wrangle-evil.csv'" }],
  ['ATTACH', { kind: 'sql', query: "ATTACH '/tmp/wrangle-evil.duckdb'" }],
  ['INSTALL', { kind: 'sql', query: 'INSTALL httpfs' }],
  ['LOAD', { kind: 'sql', query: 'LOAD httpfs' }],
  ['an https:// URL', { kind: 'sql', query: "SELECT * FROM read_csv('https://example.com/data.csv')" }],
  ['SET', { kind: 'sql', query: "SET enable_external_access = true" }],
  ['a formula that reads a file', { kind: 'formula', expression: "(SELECT count(*) FROM read_csv('/etc/passwd'))" }],
  ['a formula that reads a URL', { kind: 'formula', expression: "(SELECT count(*) FROM read_text('https://example.com/'))" }],
  ['a formula that escapes its parentheses', { kind: 'formula', expression: "1) AS y FROM read_csv('/etc/passwd') --" }],
];

describe('the CLI sandbox refuses what a flow may not do', () => {
  it.each(probes)('%s', async (_name, block) => {
    const { path, out, dir } = writeFlow(hostileFlow(block));
    const r = await runCli(['run', path, '--data', data, '--out', out]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/E_(SANDBOX_DENIED|SQL_INVALID|SQL_NOT_SELECT|FORMULA_SYNTAX)/);
    expect(r.stderr).toContain('hostile');
    expect(existsSync(out)).toBe(false);
    expect(existsSync('/tmp/wrangle-evil.csv')).toBe(false);
    expect(existsSync('/tmp/wrangle-evil.duckdb')).toBe(false);
    expect(readdirSync(dir)).toEqual(['test.flow.json']);
  });

  it('the same flow with a harmless query runs (the probes fail for the right reason)', async () => {
    const { path, out } = writeFlow(hostileFlow({ kind: 'sql', query: 'SELECT userId, count(*) AS n FROM df GROUP BY userId' }));
    const r = await runCli(['run', path, '--data', data, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(out, 'result.csv'))).toBe(true);
  });
});
