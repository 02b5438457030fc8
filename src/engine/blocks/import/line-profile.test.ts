import { describe, expect, it } from 'vitest';
import { bestDelimiter, extraHeaderRows, splitFields } from './line-profile';

describe('splitFields', () => {
  it.each([
    ['a,b,c', ',', '"', ['a', 'b', 'c']],
    ['1,"Smith, Jr.",2', ',', '"', ['1', 'Smith, Jr.', '2']],
    ['1,"say ""hi""",2', ',', '"', ['1', 'say "hi"', '2']],
    ["1,'a;b';c", ';', "'", ["1,a;b", 'c']],
    ['a,"b,c', ',', '"', ['a', 'b,c']],
    ['x,"y",z', ',', '', ['x', '"y"', 'z']],
    ['a||b', '||', '"', ['a', 'b']],
  ])('splits %j on %j (quote %j)', (line, delimiter, quote, fields) => {
    expect(splitFields(line, delimiter, quote)).toEqual(fields);
  });
});

describe('bestDelimiter', () => {
  it('finds the delimiter DuckDB gave up on: one ragged row among consistent ones', () => {
    expect(bestDelimiter(['id,name,score', '1,Ann,1.5', '2,Bob', '3,Cy,3.5', '4,Dan,4.5'], { quote: '"' })).toEqual({
      delimiter: ',',
      fields: 3,
      share: 0.8,
      firstLine: 0,
    });
  });

  it('finds a space-delimited file, and the header after a preamble', () => {
    expect(bestDelimiter(['id name score', '1 Ann 1.5', '2 Bob 2.5'], { quote: '"' })?.delimiter).toBe(' ');
    expect(bestDelimiter(['Stock count', '', 'sku;qty', 'A1;4', 'B2;5'], { quote: '"' })).toMatchObject({ delimiter: ';', fields: 2, firstLine: 2 });
  });

  it('prefers a delimiter outside quotes to one inside them', () => {
    expect(bestDelimiter(['a;b', '"x,y";1', '"z,w";2'], { quote: '"' })?.delimiter).toBe(';');
  });

  it('does not take prose for a space-delimited file, nor a single column for anything', () => {
    expect(bestDelimiter(['The quick brown fox', 'jumps over', 'the lazy dog today'], { quote: '"' })).toBeUndefined();
    expect(bestDelimiter(['name', 'Ann Lee', 'Bob Ray', 'Cy Young'], { quote: '"' })).toBeUndefined();
    expect(bestDelimiter(['name', 'Ann', 'Bob'], { quote: '"' })).toBeUndefined();
    expect(bestDelimiter(['only one line,with a comma'], { quote: '"' })).toBeUndefined();
  });

  it('tries only the delimiter the user set', () => {
    expect(bestDelimiter(['a;b', '1;2'], { delimiter: ',', quote: '"' })).toBeUndefined();
  });
});

describe('extraHeaderRows', () => {
  it('counts a units row under the names', () => {
    expect(extraHeaderRows([',kg,cm', 'Ann,61.5,170', 'Bob,80,182'], ',', '"')).toBe(1);
  });

  it('does not take a data row with a missing mark, text data or too few rows below for a header', () => {
    expect(extraHeaderRows(['Ann,n/a', 'Bob,3', 'Cy,4'], ',', '"')).toBe(0);
    expect(extraHeaderRows(['Ann,Leeds', 'Bob,York', 'Cy,Bath'], ',', '"')).toBe(0);
    expect(extraHeaderRows([',kg,cm', 'Ann,61.5,170'], ',', '"')).toBe(0);
    expect(extraHeaderRows(['Ann,61.5,170', 'Bob,80,182', 'Cy,72,175'], ',', '"')).toBe(0);
  });
});
