import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusBytes } from '../testing/messy-csv';
import { openWasmInNode, type WasmInNode } from '../testing/wasm-in-node';
import { dropTextSource, resolveTextSource } from './text-source';
import { INPUT_DIR } from './wasm-database';

let db: WasmInNode;
beforeAll(async () => {
  db = await openWasmInNode();
});
afterAll(() => db.close());

describe('resolveTextSource', () => {
  it('leaves a UTF-8 file where it is registered', async () => {
    const path = `${INPUT_DIR}1/utf8.csv`;
    const bytes = corpusBytes('utf8.csv');
    await db.registerBuffer(path, bytes.slice());
    const text = await resolveTextSource(db, { inputName: 'src', fileName: 'f.csv', path, head: bytes }, undefined);
    expect(text).toMatchObject({ path, encoding: { encoding: 'utf-8', transcoded: false } });
  });

  it.each([
    ['windows1252.csv', { path: `${INPUT_DIR}2/w.csv` }, 'id,name\n1,Zoë\n2,“Müller”\n3,€uro – 5\n'],
    ['utf16be-bom.csv', { path: `${INPUT_DIR}3/u.csv` }, 'id,name\n1,Zoë\n2,Müller\n3,€uro\n'],
  ])('registers a UTF-8 copy of %s (bytes, or a File by handle) and drops it again', async (file, { path }, expected) => {
    const bytes = corpusBytes(file);
    for (const registered of [{ path, head: bytes.slice(0, 100) }, { path, file: new File([bytes], file) }]) {
      await db.registerBuffer(path, bytes.slice());
      const text = await resolveTextSource(db, { inputName: 'src', fileName: 'f.csv', ...registered }, undefined);
      expect(text.path).toBe(`${path}.utf-8.csv`);
      expect(text.encoding.transcoded).toBe(true);
      expect(new TextDecoder().decode(await db.copyFileToBuffer(text.path))).toBe(expected);
      await dropTextSource(db, path, text);
      // Gone: duckdb-wasm throws (not an Error) when asked for a file it no longer has.
      await expect((async () => db.copyFileToBuffer(text.path))()).rejects.toBeTruthy();
      await db.dropFile(path);
    }
  });

  it('refuses a PNG image before converting it, with E_NOT_A_TABLE naming the file as dropped', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0x80]);
    const path = `${INPUT_DIR}4/p.csv`;
    await db.registerBuffer(path, png.slice());
    await expect(resolveTextSource(db, { inputName: 'photo', fileName: 'photo.csv', path, head: png }, undefined)).rejects.toMatchObject({
      code: 'E_NOT_A_TABLE',
      message: expect.stringMatching(/^Input "photo" \(photo\.csv\) is not a table: its bytes look like a PNG image/),
    });
    await db.dropFile(path);
  });

  it('reads a file with mixed line endings from a copy with LF only', async () => {
    const bytes = new TextEncoder().encode('a,b\r\n1,x\n2,y\r\n3,z\n');
    const path = `${INPUT_DIR}5/m.csv`;
    await db.registerBuffer(path, bytes.slice());
    const text = await resolveTextSource(db, { inputName: 'src', fileName: 'm.csv', path, head: bytes }, undefined);
    expect(text.encoding).toMatchObject({ encoding: 'utf-8', transcoded: true, mixedLineEndings: true });
    expect(new TextDecoder().decode(await db.copyFileToBuffer(text.path))).toBe('a,b\n1,x\n2,y\n3,z\n');
    await dropTextSource(db, path, text);
    await db.dropFile(path);
  });
});
