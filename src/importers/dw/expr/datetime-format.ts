import { TranslationError } from './ast';

/** Java date-pattern letters (as Spark reads them) and their strftime equivalents, longest runs first. */
const PATTERNS: [string, string][] = [
  ['yyyy', '%Y'],
  ['yy', '%y'],
  ['y', '%Y'],
  ['MMMM', '%B'],
  ['MMM', '%b'],
  ['MM', '%m'],
  ['M', '%-m'],
  ['dd', '%d'],
  ['d', '%-d'],
  ['DDD', '%j'],
  ['HH', '%H'],
  ['H', '%-H'],
  ['hh', '%I'],
  ['h', '%-I'],
  ['mm', '%M'],
  ['m', '%-M'],
  ['ss', '%S'],
  ['s', '%-S'],
  ['SSSSSS', '%f'],
  ['SSS', '%g'],
  ['a', '%p'],
  ['EEEE', '%A'],
  ['EEE', '%a'],
  ['E', '%a'],
  ['XXX', '%z'],
  ['Z', '%z'],
  ['z', '%Z'],
];

/** Converts a Spark (Java) date pattern such as `yyyy-MM-dd HH:mm:ss` to DuckDB's strftime form `%Y-%m-%d %H:%M:%S`. */
export function strftimePattern(java: string): string {
  let out = '';
  let i = 0;
  while (i < java.length) {
    const ch = java[i]!;
    if (ch === "'") {
      // Quoted literal text; '' is a single quote.
      const end = java.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      if (end < 0) throw new TranslationError(`unterminated quote in date pattern ${JSON.stringify(java)}`);
      out += java.slice(i + 1, end).replaceAll('%', '%%');
      i = end + 1;
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      const match = PATTERNS.find(([p]) => java.startsWith(p, i));
      if (!match) throw new TranslationError(`date pattern letter ${JSON.stringify(ch)} in ${JSON.stringify(java)} has no DuckDB equivalent`);
      out += match[1];
      i += match[0].length;
      continue;
    }
    out += ch === '%' ? '%%' : ch;
    i++;
  }
  return out;
}
