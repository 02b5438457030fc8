import { DateDay, Decimal, Field, Float64, Int64, TimeMicrosecond, TimestampMillisecond, Utf8, makeData, makeVector, tableFromArrays, tableToIPC, vectorFromArray } from 'apache-arrow';
import { Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { decodePreviewPage, formatArrowValue } from './arrow-rows';

describe('decoding a preview page', () => {
  it('reads rows as text in the order of the given columns, with absolute indexes', () => {
    const table = tableFromArrays({
      userId: Int32Array.from([7, 8]),
      genre: ['Pop_Rock', '<b>Reggae</b>'],
      rating: Float64Array.from([4.5, Number.NaN]),
    });
    const rows = decodePreviewPage(tableToIPC(table, 'stream'), ['genre', 'userId', 'missing'], 400);
    expect(rows).toEqual([
      { index: 400, cells: ['Pop_Rock', '7', null] },
      { index: 401, cells: ['<b>Reggae</b>', '8', null] },
    ]);
  });

  it('keeps nulls apart from the text "null"', () => {
    const table = new Table({ name: vectorFromArray(['null', null], new Utf8()) });
    expect(decodePreviewPage(tableToIPC(table, 'stream'), ['name'], 0).map((r) => r.cells[0])).toEqual(['null', null]);
  });
});

describe('formatting Arrow values', () => {
  it('writes 64-bit integers exactly', () => {
    const v = vectorFromArray([9_007_199_254_740_993n], new Int64());
    expect(formatArrowValue(v.get(0), { type: new Int64() })).toBe('9007199254740993');
  });

  it('puts the decimal point back at the scale', () => {
    const type = new Decimal(2, 10, 128);
    // 128-bit little-endian words: -12345 → -123.45
    const words = new Uint32Array(4);
    new BigInt64Array(words.buffer)[0] = -12345n;
    new BigInt64Array(words.buffer)[1] = -1n;
    const vector = makeVector(makeData({ type, length: 1, data: words }));
    expect(formatArrowValue(vector.get(0), { type })).toBe('-123.45');
    const small = new Uint32Array(4);
    small[0] = 5;
    expect(formatArrowValue(makeVector(makeData({ type, length: 1, data: small })).get(0), { type })).toBe('0.05');
  });

  it('writes dates, timestamps and times the way DuckDB does', () => {
    const day = new DateDay();
    expect(formatArrowValue(Date.UTC(2024, 1, 29), { type: day })).toBe('2024-02-29');
    const ts = new TimestampMillisecond();
    expect(formatArrowValue(Date.UTC(2024, 0, 2, 3, 4, 5), { type: ts })).toBe('2024-01-02 03:04:05');
    expect(formatArrowValue(Date.UTC(2024, 0, 2, 3, 4, 5, 250), { type: ts })).toBe('2024-01-02 03:04:05.250');
    expect(formatArrowValue(3_723_000_001n, { type: new TimeMicrosecond() })).toBe('01:02:03.000001');
  });

  it('writes structs and lists as JSON, and binary as its size', () => {
    expect(formatArrowValue({ toJSON: () => ({ a: 1n, b: 'x' }) }, { type: new Utf8() })).toBe('{"a":"1","b":"x"}');
    expect(formatArrowValue(new Uint8Array(3), { type: new Float64() })).toBe('3 bytes');
    expect(formatArrowValue(null, Field.new({ name: 'x', type: new Utf8() }))).toBeNull();
  });
});
