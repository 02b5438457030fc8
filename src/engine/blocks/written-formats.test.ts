import { describe, expect, it } from 'vitest';
import { parseFormat, requireFormat } from './written-formats';

describe('formats a person writes', () => {
  it.each([
    ['DD/MM/YYYY', 'date', '%d/%m/%Y', 'd/M/yyyy'],
    ['MM/DD/YYYY', 'date', '%m/%d/%Y', 'M/d/yyyy'],
    ['DD.MM.YYYY', 'date', '%d.%m.%Y', 'd.M.yyyy'],
    ['YYYY/MM/DD', 'date', '%Y/%m/%d', 'yyyy/M/d'],
    ['DD MMM YYYY', 'date', '%d %b %Y', 'd MMM yyyy'],
    ['HH:MM', 'time', '%H:%M', 'H:m'],
    ['HH:mm:SS', 'time', '%H:%M:%S', 'H:m:s'],
    ['hh:MM AM', 'time', '%I:%M %p', 'h:m a'],
    ['DD/MM/YYYY HH:MM:SS', 'datetime', '%d/%m/%Y %H:%M:%S', 'd/M/yyyy H:m:s'],
    ['YYYY-MM-DDTHH:MM', 'datetime', '%Y-%m-%dT%H:%M', "yyyy-M-d'T'H:m"],
  ])('%s reads as a %s: strptime %s, Spark %s', (format, kind, strptime, spark) => {
    expect(parseFormat(format)).toMatchObject({ kind, strptime, spark });
  });

  it('reads MM as minutes only right after an hour and a colon', () => {
    expect(parseFormat('MM:SS')).toMatchObject({ strptime: '%m:%S' });
    expect(parseFormat('hh:MM:SS PM')).toMatchObject({ strptime: '%I:%M:%S %p' });
  });

  it('has no Spark pattern for a two-digit year (Spark and DuckDB put its century apart)', () => {
    expect(parseFormat('DD/MM/YY')).toMatchObject({ strptime: '%d/%m/%y', spark: undefined });
  });

  it('takes currency as the one number format', () => {
    expect(parseFormat('currency')).toMatchObject({ kind: 'currency' });
  });

  it.each([
    ['dd/mm/yyyy', /not a format/],
    ['DD/MM/YYYY; DROP', /not a format/],
    ['%d/%m/%Y', /not a format/],
    ['', /not a format/],
    ['hh:MM', /without AM\/PM/],
    ['HH:MM AM', /use hh/],
  ])('refuses %s', (format, why) => {
    const parsed = parseFormat(format);
    expect('error' in parsed && parsed.error).toMatch(why);
  });

  it('names the column of a format it cannot use (E_TYPES_FORMAT)', () => {
    expect(() => requireFormat('day', 'DD/MM/YYYYY')).toThrow(expect.objectContaining({ code: 'E_TYPES_FORMAT', message: expect.stringContaining('column "day" (DD/MM/YYYYY)') }));
  });
});
