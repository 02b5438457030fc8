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

  it('writes each cell back as the file had it: dates, times, currency and leading zeros stay text, numbers stay numbers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'messy-in-'));
    const text = 'id,zip,day,at,price,rating,timestamp\n1,00123,28/01/2018,14:05,$1.50,4.5,964982703\n2,02134,13/02/2018,09:30,$12.00,3.5,1493850091\n';
    writeFileSync(join(dir, 'orders.csv'), text);
    const out = mkdtempSync(join(tmpdir(), 'messy-out-'));
    const r = await runCli(['run', messyFlow('orders.csv'), '--input', `src=${join(dir, 'orders.csv')}`, '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(out, 'out.csv'), 'utf8')).toBe(text);
  });

  it('refuses a PNG image named .csv with E_NOT_A_TABLE, naming the file as given, and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'messy-in-'));
    writeFileSync(join(dir, 'photo.csv'), Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0x80, 0x81]));
    const r = await runCli(['run', messyFlow('photo.csv'), '--input', `src=${join(dir, 'photo.csv')}`, '--out', mkdtempSync(join(tmpdir(), 'messy-out-'))]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E_NOT_A_TABLE');
    expect(r.stderr).toContain('(photo.csv) is not a table: its bytes look like a PNG image');
    expect(r.stderr).not.toContain('wrangle-input-');
  });
});
