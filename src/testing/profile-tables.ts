import { describe as describeRelation, type TestDb } from './block-harness';
import type { Relation } from '../engine/blocks/contract';
import { quoteIdent } from '../engine/sql/quote';

/**
 * Test support for the profile and chart SQL: six ratings with one exact duplicate row, a NULL and a NaN score, and
 * user u2 rating t1 three times.
 */
export async function createRatingsTable(db: TestDb): Promise<void> {
  await db.sql(`CREATE TABLE ratings AS SELECT * FROM (VALUES
    (1, 'a', 0.0::DOUBLE, 'u1', 't1'),
    (2, 'b', 10.0, 'u1', 't2'),
    (3, 'a', NULL, 'u2', 't1'),
    (4, 'a', 20.0, 'u2', 't1'),
    (4, 'a', 20.0, 'u2', 't1'),
    (5, 'c', 'nan'::DOUBLE, 'u3', 't3')
  ) AS v(id, genre, score, userId, trackId)`);
}

/** The relation of a table made in the test. */
export function tableRelation(db: TestDb, table: string): Promise<Relation> {
  return describeRelation(db, quoteIdent(table));
}
