import { describe, expect, it } from 'vitest';
import { detectEncoding, sourceEncoding, utf8Transcoder, type TextEncodingName } from './encoding';

const utf8 = (s: string) => new TextEncoder().encode(s);
const utf16 = (s: string, littleEndian: boolean, bom: boolean) => {
  const text = bom ? `\ufeff${s}` : s;
  const out = new Uint8Array(text.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < text.length; i++) view.setUint16(i * 2, text.charCodeAt(i), littleEndian);
  return out;
};
/** Single-byte text: each character's code in Windows-1252 (the few used here), else Latin-1. */
const singleByte = (s: string) => Uint8Array.from([...s].map((ch) => ({ '€': 0x80, '“': 0x93, '”': 0x94, '–': 0x96 })[ch] ?? ch.charCodeAt(0)));

describe('detectEncoding', () => {
  it.each<[string, Uint8Array, TextEncodingName, boolean]>([
    ['UTF-8 without a BOM', utf8('id,name\n1,Zoë\n'), 'utf-8', false],
    ['plain ASCII', utf8('a,b\n1,2\n'), 'utf-8', false],
    ['UTF-8 with a BOM', utf8('\ufeffid,name\n'), 'utf-8', true],
    ['UTF-16 LE with a BOM', utf16('id,name\n1,Zoë\n', true, true), 'utf-16le', true],
    ['UTF-16 BE with a BOM', utf16('id,name\n1,Zoë\n', false, true), 'utf-16be', true],
    ['UTF-16 LE without a BOM', utf16('id,name\n1,Zoe\n2,Ann\n', true, false), 'utf-16le', false],
    ['UTF-16 BE without a BOM', utf16('id,name\n1,Zoe\n2,Ann\n', false, false), 'utf-16be', false],
    ['Latin-1', singleByte('id,name\n1,Señor\n'), 'latin-1', false],
    ['Windows-1252 (€ is 0x80)', singleByte('id,name\n1,€uro – 5\n'), 'windows-1252', false],
  ])('%s', (_, bytes, encoding, bom) => {
    expect(detectEncoding(bytes)).toEqual({ encoding, bom });
  });

  it('takes UTF-8 cut short at the end of the sample as UTF-8', () => {
    const bytes = utf8('id,name\n1,Zoë');
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1)).encoding).toBe('utf-8');
  });
});

describe('sourceEncoding', () => {
  it('lets DuckDB read UTF-8, UTF-16 LE with a BOM and a chosen Latin-1 itself', () => {
    expect(sourceEncoding(utf8('a\n'), undefined)).toMatchObject({ encoding: 'utf-8', readAs: 'utf-8', transcoded: false, detected: true });
    expect(sourceEncoding(utf16('a\n', true, true), undefined)).toMatchObject({ encoding: 'utf-16le', readAs: 'utf-16', transcoded: false });
    expect(sourceEncoding(singleByte('Señor'), 'latin-1')).toMatchObject({ encoding: 'latin-1', readAs: 'latin-1', transcoded: false, detected: false });
  });

  it('converts what DuckDB 1.4 cannot read: UTF-16 BE, Windows-1252, a detected Latin-1, UTF-16 without a BOM', () => {
    for (const [bytes, chosen] of [
      [utf16('a\n', false, true), undefined],
      [singleByte('€'), undefined],
      [singleByte('Señor'), undefined],
      [utf16('a,b\n1,2\n', true, false), 'utf-16'],
    ] as const) {
      expect(sourceEncoding(bytes, chosen)).toMatchObject({ readAs: 'utf-8', transcoded: true });
    }
  });

  it('reads a chosen UTF-16 in the byte order its BOM says', () => {
    expect(sourceEncoding(utf16('a\n', false, true), 'utf-16')).toMatchObject({ encoding: 'utf-16be', bom: true, detected: false });
  });
});

describe('utf8Transcoder', () => {
  it.each<[TextEncodingName, Uint8Array]>([
    ['utf-16be', utf16('id,name\n1,Zoë\n2,€uro\n', false, true)],
    ['utf-16le', utf16('id,name\n1,Zoë\n2,€uro\n', true, true)],
  ])('converts %s to UTF-8 across chunk boundaries, dropping the BOM', (encoding, bytes) => {
    const t = utf8Transcoder(encoding);
    // Odd chunk sizes split code units in half.
    const parts = [t.push(bytes.subarray(0, 3)), t.push(bytes.subarray(3, 10)), t.push(bytes.subarray(10)), t.end()];
    expect(new TextDecoder().decode(Uint8Array.from(parts.flatMap((p) => [...p])))).toBe('id,name\n1,Zoë\n2,€uro\n');
  });

  it('reads Windows-1252 punctuation, not C1 control characters', () => {
    const t = utf8Transcoder('windows-1252');
    expect(new TextDecoder().decode(t.push(singleByte('“Müller” €uro – 5')))).toBe('“Müller” €uro – 5');
  });
});
