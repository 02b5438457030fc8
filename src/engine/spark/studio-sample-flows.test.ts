import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../testing/run-cli';
import { parseFlow } from '../flow/parse';
import { quoteLiteral } from '../sql/quote';
import { pysparkJob } from './script';
import { serializeStudioSql } from './studio-query-parser';

/**
 * Every sample flow exports from the studio as `wrangle pyspark` exports it: the studio's parser reads all of their
 * user SQL (formulas, filters, the ratings-als struct of metrics over two inputs side by side), byte for byte; a
 * flow that still needs fitting is refused by both alike.
 */

const flowsDir = join(repoRoot, 'sample-data', 'flows');
const sampleFlows = readdirSync(flowsDir).filter((f) => f.endsWith('.flow.json'));

describe('the studio exports every sample flow as the CLI does', () => {
  let nativeParse: (sql: string) => Promise<string>;

  beforeAll(async () => {
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    nativeParse = async (sql) => String((await connection.runAndReadAll(`SELECT json_serialize_sql(${quoteLiteral(sql)}) AS t`)).getRowObjects()[0]!.t);
  });

  it('has the four sample flows', () => expect(sampleFlows.length).toBeGreaterThanOrEqual(4));

  it.each(sampleFlows)('%s', async (file) => {
    const flow = parseFlow(readFileSync(join(flowsDir, file), 'utf8'));
    // A flow whose blocks still need fitting is refused by both, with the same words.
    const outcome = (parse: (sql: string) => Promise<string>) => pysparkJob(flow, { source: file, parse }).catch((e: Error) => `refused: ${e.message}`);
    const cli = await outcome(nativeParse);
    const studio = await outcome(async (sql) => serializeStudioSql(sql));
    expect(studio === cli, `the studio's job for ${file} differs from the CLI's: ${studio.slice(0, 200)}`).toBe(true);
  });
});
