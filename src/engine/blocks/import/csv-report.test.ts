import { describe, expect, it } from 'vitest';
import { clip, csvReportLines, dialectLine, repairHeadline, type CsvReadReport } from './csv-report';

const clean: CsvReadReport = {
  dialect: { delimiter: ';', quote: '"', escape: '"', header: true, headerRows: 1, skipRows: 0, lineEnding: 'CRLF', encoding: 'utf-8' },
  setByUser: [],
  mode: 'strict',
  checkedRows: 3,
  checkedWholeFile: true,
  padded: { count: 0, lines: [] },
  rejected: { count: 0, rows: [] },
  textColumns: [],
  skipped: [],
  notes: [],
};

const repaired: CsvReadReport = {
  ...clean,
  mode: 'repaired',
  padded: { count: 1, lines: [3] },
  rejected: {
    count: 7,
    rows: [4, 6, 8, 10, 12, 14].map((line) => ({ line, text: `${line},x,y,z`, reason: '4 fields where the header has 3' })),
  },
};

describe('the CSV read report', () => {
  it('says nothing on a terminal for a clean file read as detected', () => {
    expect(csvReportLines(clean)).toEqual([]);
    expect(repairHeadline(clean)).toBeUndefined();
  });

  it('heads a repaired read with its counts and lists the first rejected rows with their lines', () => {
    expect(repairHeadline(repaired)).toBe('1 row padded / 7 rows rejected');
    expect(csvReportLines(repaired, 2)).toEqual([
      'read as: delimiter ";", quote double quote ("), escape double quote ("), header row, CRLF line endings, encoding utf-8',
      '1 row padded with NULLs (too few fields): line 3',
      '7 rows rejected:',
      '  line 4: 4 fields where the header has 3: 4,x,y,z',
      '  line 6: 4 fields where the header has 3: 6,x,y,z',
      '  … and 5 more rows',
    ]);
  });

  it('names invisible characters and several header rows', () => {
    expect(dialectLine({ ...clean.dialect, delimiter: '\t', quote: '', escape: '\\', headerRows: 2, skipRows: 1, dateFormat: '%d/%m/%Y' })).toBe(
      'delimiter tab, quote none, escape backslash (\\), 2 header rows, 1 line skipped before the header, CRLF line endings, encoding utf-8, dates %d/%m/%Y',
    );
  });

  it('shows a rejected row that spans lines on one line, cut short', () => {
    expect(clip('2,"open\r\n3,x\n4,y', 12)).toBe('2,"open⏎3,x…');
  });
});
