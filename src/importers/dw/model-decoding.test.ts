import { describe, expect, it } from 'vitest';
import { decodeBase85 } from './base85';
import { readSparkModel } from './spark-model';
import { readZip } from './zip';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** A zip made by Python's zipfile, base85-encoded by base64.b85encode: metadata/part-00000 stored, data/notes.txt deflated. */
const TINY_MODEL =
  'P)h>@6aWAK00000Apkwf8fFgw000jF000vJ003=ebYWy+bYU-WVRCdWFfcGMFnc0nY+-YAB03^?E?FXdP)h>@6aWAK2mk;8Apo<B!iWn1008g+000gE003lRbYU-UZ**mIE_8TwD=tVZ%2p^IF(d#`O928D0~7!N0000003iT9${J=50000F0000J00000000000001h0RR910BvP-VPs)+VJ~oDa&#>)FfcGMP)h*<6ay3h000O8001EXvx~xr3jhEB@Bjb+4gdfE0000000000fB`@N003lRbYU-UZ**mIE_8TwP)h{{000000ssO4eE<LecK`qY000';

describe('decodeBase85 (Python base64.b85encode, RFC 1924 alphabet)', () => {
  it.each([
    ['Xk~0{Zy<MXa%^M', 'hello world'],
    ['', ''],
  ])('%s', (encoded, plain) => {
    expect(text(decodeBase85(encoded))).toBe(plain);
  });

  it('decodes zero groups, all-ones groups and a short last group', () => {
    expect([...decodeBase85('00000|NsC00R')]).toEqual([0, 0, 0, 0, 255, 255, 255, 255, 1]);
  });

  it('names the first character outside the alphabet', () => {
    expect(() => decodeBase85('Xk~0{"y<MX')).toThrow(/character "\\"" at position 6/);
  });
});

describe('readZip', () => {
  it('reads stored and deflated entries', async () => {
    const entries = readZip(decodeBase85(TINY_MODEL));
    expect(entries.map((e) => e.name)).toEqual(['metadata/part-00000', 'data/notes.txt']);
    expect(text(await entries[0]!.read())).toBe('{"class":"x.Y"}');
    expect(text(await entries[1]!.read())).toBe('spark '.repeat(40));
  });

  it('refuses bytes that are not a zip, and a truncated archive', async () => {
    expect(() => readZip(new TextEncoder().encode('not a zip archive at all, just text'))).toThrow(/no end-of-directory record/);
    const bytes = decodeBase85(TINY_MODEL);
    const cut = bytes.slice();
    cut.set(new Uint8Array(40), 60); // damages the deflated entry's local header and data
    await expect(Promise.all(readZip(cut).map((e) => e.read()))).rejects.toThrow(/not a zip archive|entry/);
  });
});

describe('readSparkModel', () => {
  it('reads the metadata class and no data rows when the model has no Parquet files', async () => {
    const model = await readSparkModel(TINY_MODEL, () => Promise.reject(new Error('no Parquet here')));
    expect(model).toEqual({ className: 'x.Y', paramMap: {}, rows: [] });
  });
});
