/**
 * Issue 16's round trip: text a type would change stays as the file wrote it at import, with the reason, and the
 * types block then converts it with the format it infers. Native DuckDB through the block harness.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CsvReadReport } from '../import/csv-report';
import { openTestDb, runBlock, type TestDb } from '../../../testing/block-harness';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

const FILE = [
  'id,zip,dmy,mdy,dotted,hm,ampm,price,euro,ymd',
  '1,00123,28/01/2018,01/28/2018,28.01.2018,14:05,2:05 PM,"$1,234.50",€12,2018/01/28',
  '2,02134,13/02/2018,02/13/2018,13.02.2018,09:30,11:59 AM,$12.00,€3.5,2018/02/13',
].join('\n');

describe('import keeps cells as written, then types converts them', () => {
  it('imports every such column as text, cell for cell, with why', async () => {
    writeFileSync(join(db.dir, 'written.csv'), `${FILE}\n`);
    const r = await runBlock(db, { kind: 'import', params: { input: 'src', file: 'written.csv' } }, {}, { inputPaths: { src: join(db.dir, 'written.csv') } });
    const [header, ...lines] = FILE.split('\n');
    const names = header!.split(',');
    const asWritten = lines.map((l) => Object.fromEntries(l.match(/("[^"]*"|[^,]+)/g)!.map((cell, j) => [names[j]!, cell.replace(/^"|"$/g, '')])));
    expect(r.outputs.out!.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, String(v)])))).toEqual(asWritten);
    const report = r.source!.report as CsvReadReport;
    expect(Object.fromEntries(report.textColumns.map((t) => [t.column, t.reason]))).toEqual({
      zip: 'leading zeros',
      dmy: 'dates written DD/MM/YYYY',
      mdy: 'dates written MM/DD/YYYY',
      dotted: 'dates written DD.MM.YYYY',
      hm: 'times written HH:MM',
      ampm: 'times written hh:MM AM',
      price: 'currency sign',
      euro: 'currency sign',
      ymd: 'dates written YYYY/MM/DD',
    });
    expect(report.notes).toContainEqual(expect.stringMatching(/^Column "mdy" stays text.*"01\/28\/2018" are MM\/DD\/YYYY\. Convert it with a types block/));
    await db.sql(`CREATE OR REPLACE TABLE imported AS ${r.select}`);

    const typed = await runBlock(db, { kind: 'types', params: {} }, { in: 'imported' }, { orderBy: 'all' });
    expect((typed.fitted as { formats: object }).formats).toEqual({
      dmy: 'DD/MM/YYYY',
      mdy: 'MM/DD/YYYY',
      dotted: 'DD.MM.YYYY',
      hm: 'HH:MM',
      ampm: 'hh:MM AM',
      price: 'currency',
      euro: 'currency',
      ymd: 'YYYY/MM/DD',
    });
    expect(typed.outputs.out![0]).toEqual({ id: 1, zip: '00123', dmy: '2018-01-28', mdy: '2018-01-28', dotted: '2018-01-28', hm: '14:05:00', ampm: '14:05:00', price: 1234.5, euro: 12, ymd: '2018-01-28' });
  });
});
