import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../commands/run';
import { MESSY_DIR } from '../../testing/messy-csv';
import { runCli } from '../../testing/run-cli';

/** A flow that imports one messy file and exports it as it was read. */
function messyFlow(file: string, csv: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'messy-flow-'));
  const path = join(dir, 'messy.flow.json');
  const flow = {
    format: 'wrangle-flow',
    version: 1,
    name: 'Messy',
    blocks: [
      { id: 'src', kind: 'import', params: { input: 'src', file, csv } },
      { id: 'out', kind: 'export', params: { file: 'out.csv' } },
    ],
    edges: [{ from: { block: 'src', port: 'out' }, to: { block: 'out', port: 'in' } }],
  };
  writeFileSync(path, JSON.stringify(flow));
  return path;
}

describe('wrangle run on messy CSV files', () => {
  it('prints the rows it rejected, with line numbers, under the import, and writes the rest', async () => {
    const out = mkdtempSync(join(tmpdir(), 'messy-out-'));
    const r = await runCli(['run', messyFlow('extra-fields.csv'), '--input', `src=${join(MESSY_DIR, 'extra-fields.csv')}`, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('read as: delimiter ",", quote double quote ("), escape double quote ("), header row');
    expect(r.stderr).toContain('2 rows rejected:');
    expect(r.stderr).toContain('line 3: 4 fields where the header has 3: 2,Bob,2.5,extra');
    expect(r.stderr).toContain('line 5: 5 fields where the header has 3: 4,Dan,4.5,x,y');
    expect(readFileSync(join(out, 'out.csv'), 'utf8')).toBe('id,name,score\n1,Ann,1.5\n3,Cy,3.5\n5,Eve,5.5\n');
  });

  it('reports padded rows and the settled dialect in --json', async () => {
    const r = await runCli(['run', messyFlow('preamble-ragged.csv'), '--input', `src=${join(MESSY_DIR, 'preamble-ragged.csv')}`, '--out', mkdtempSync(join(tmpdir(), 'messy-out-')), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as RunSummary;
    expect(summary.blocks[0]!.csv).toMatchObject({ mode: 'repaired', padded: { count: 1, lines: [5] }, rejected: { count: 0 }, dialect: { delimiter: ',', skipRows: 2 } });
  });

  it('fails a line over the maximum line size with the size to raise it to, and writes nothing', async () => {
    const out = mkdtempSync(join(tmpdir(), 'messy-out-'));
    const r = await runCli(['run', messyFlow('long-line.csv', { maxLineSize: 1024 }), '--input', `src=${join(MESSY_DIR, 'long-line.csv')}`, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E_CSV_LINE_TOO_LONG');
    expect(r.stderr).toContain('line 3 is longer than the maximum line size of 1,024 bytes (it is 3,002 bytes)');
    expect(r.stderr).toContain('No output was written.');
  });

  it('reads a Windows-1252 file from a UTF-8 copy, and says so in a script from wrangle sql', async () => {
    const out = mkdtempSync(join(tmpdir(), 'messy-out-'));
    const flow = messyFlow('windows1252.csv');
    const input = `src=${join(MESSY_DIR, 'windows1252.csv')}`;
    const run = await runCli(['run', flow, '--input', input, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('Encoding windows-1252 (detected), converted to UTF-8 before reading.');
    expect(readFileSync(join(out, 'out.csv'), 'utf8')).toBe('id,name\n1,Zoë\n2,“Müller”\n3,€uro – 5\n');
    const sql = await runCli(['sql', flow, '--input', input]);
    expect(sql.code, sql.stderr).toBe(0);
    expect(sql.stdout).toMatch(/-- Input "src" is windows-1252 text: convert it to UTF-8/);
    expect(sql.stdout).toContain("auto_detect = false, delim = ',', quote = '\"', escape = '\"', header = TRUE");
  });
});
