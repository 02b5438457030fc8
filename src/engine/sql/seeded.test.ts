import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../testing/block-harness';
import { seededUnit } from './seeded';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

describe('seededUnit', () => {
  it('gives every key the unit md5_number_upper gives it, so flows saved earlier split the same rows', async () => {
    // Keys of many lengths (md5 pads at 56 bytes) and characters, plus NULL text.
    const keys = `CASE WHEN i % 97 = 0 THEN NULL ELSE repeat(chr(CAST(32 + i % 90 AS INTEGER)), CAST(i % 70 AS INTEGER)) || CAST(i AS VARCHAR) END`;
    const rows = await db.rows(
      `SELECT count(*) AS n,
              count(*) FILTER (WHERE u IS DISTINCT FROM old) AS differ,
              min(u) AS lo, max(u) AS hi
         FROM (SELECT ${seededUnit(7, keys)} AS u,
                      md5_number_upper('7:' || (${keys})) / 18446744073709551616.0 AS old
                 FROM range(200000) t(i))`,
    );
    expect(rows[0]).toMatchObject({ n: 200000, differ: 0 });
    expect(Number(rows[0]!.lo)).toBeGreaterThanOrEqual(0);
    expect(Number(rows[0]!.hi)).toBeLessThan(1);
  });

  it('is known for a fixed key, whatever the engine', async () => {
    // The digest's first 8 bytes read little-endian, over 2^64.
    const [row] = await db.rows(`SELECT ${seededUnit(42, `'a'`)} AS u`);
    const digest = await db.rows(`SELECT md5('42:a') AS h`);
    const bytes = String(digest[0]!.h).slice(0, 16).match(/../g)!.reverse().join('');
    expect(Number(row!.u)).toBe(Number(BigInt(`0x${bytes}`)) / 2 ** 64);
  });
});
