import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../../testing/run-cli';
import { serializeFlow } from '../../engine/flow/parse';
import { helpText } from '../../cli/help';
import { formatReportTable } from './report';
import { importFixture, runImported } from './testing/run-imported';

/** The real workshop files live beside the repository, in ../shared; the tests that need them skip without them. */
const sharedDir = join(repoRoot, '..', 'shared', 'fixtures', 'dw');
const haveShared = existsSync(join(sharedDir, 'music_join.flow'));
if (!haveShared) console.log(`skipping the real Data Wrangler flows: ${sharedDir} is not there`);

const musicData = join(repoRoot, 'sample-data', 'music');
const expectedTrainColumns = (JSON.parse(readFileSync(join(repoRoot, 'sample-data', 'expected', 'music-recommendation.json'), 'utf8')) as Record<string, { columns: string[] }>)['train.csv']!.columns;

describe.skipIf(!haveShared)('the workshop join flow (music_join.flow)', () => {
  it('translates every node, decoding the one-hot labels from the file in their stored order', async () => {
    const { flow, report } = await importFixture(join(sharedDir, 'music_join.flow'));
    expect(report.nodes).toHaveLength(15);
    expect(report.nodes.filter((n) => n.status === 'unsupported')).toEqual([]);
    const oneHot = flow!.blocks.find((b) => b.kind === 'one-hot')!;
    expect(oneHot.fitted).toEqual({ labels: ['Pop_Rock', 'Reggae', 'Folk', 'Latin', 'Rap', 'Country', 'RnB', 'Blues', 'Jazz', 'Electronic'] });
    expect(report.nodes.find((n) => n.operator.includes('split'))).toMatchObject({ status: 'approximated', detail: expect.stringMatching(/randomSplit/) });
    expect(flow!.blocks.find((b) => b.kind === 'import' && b.params.input === 'tracks')?.description).toContain('s3://sagemaker-example-files-prod-us-east-1/datasets/tabular/synthetic-music/tracks.csv');
  });

  it('runs on the sample music data: train and test come from the split, with the native flow\'s columns in order', async () => {
    const { flow } = await importFixture(join(sharedDir, 'music_join.flow'));
    const run = await runImported(flow!, { dir: musicData });
    try {
      expect(run.result.blocks.filter((b) => b.status !== 'ok')).toEqual([]);
      expect(await run.exportedColumns('train.csv')).toEqual(expectedTrainColumns);
      expect(await run.exportedColumns('test.csv')).toEqual(expectedTrainColumns);
      const split = run.result.blocks.find((b) => b.blockId.startsWith('split_'))!;
      const [train, test] = [await run.exportedCount('train.csv'), await run.exportedCount('test.csv')];
      expect(train + test).toBe(split.rows);
      expect(Math.abs(train / split.rows! - 0.8)).toBeLessThan(0.01);
    } finally {
      run.close();
    }
  });
});

describe.skipIf(!haveShared)('the workshop data-prep flow (music_01_dataprep.flow)', () => {
  it('imports, translating unix_timestamp(current_timestamp()) and flagging it as non-deterministic', async () => {
    const { flow, report } = await importFixture(join(sharedDir, 'music_01_dataprep.flow'));
    expect(report.nodes).toHaveLength(15);
    expect(report.nodes.filter((n) => n.status === 'unsupported')).toEqual([]);
    const flagged = report.nodes.filter((n) => n.nondeterministic?.includes('unix_timestamp(current_timestamp())'));
    expect(flagged.map((n) => n.operator)).toEqual(Array(3).fill('sagemaker.spark.custom_pyspark_0.1'));
    expect(formatReportTable(report)).toMatch(/custom_pyspark_0\.1 +translated .*\[non-deterministic: unix_timestamp\(current_timestamp\(\)\)\]/);
    const eventTime = flow!.blocks.filter((b) => b.kind === 'formula' && b.params.column === 'EventTime');
    expect(eventTime).toHaveLength(3);
    expect(eventTime[0]!.params).toMatchObject({ expression: 'CAST(floor(epoch(current_timestamp)) AS BIGINT)' });
    const dir = mkdtempSync(join(tmpdir(), 'dw-prep-'));
    writeFileSync(join(dir, 'prep.flow.json'), serializeFlow(flow!));
    const run = await runCli(['validate', join(dir, 'prep.flow.json'), '--data', musicData]);
    expect(run.code, run.stderr).toBe(0);
  });
});

describe('wrangle import-dw', () => {
  it('exits 1 when the file is not a Data Wrangler flow (writing nothing), 2 when the output exists; --help has an example', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dw-cli-'));
    writeFileSync(join(dir, 'other.json'), '{"hello": "world"}');
    writeFileSync(join(dir, 'taken.flow.json'), '{}');
    writeFileSync(join(dir, 'in.flow'), '{"nodes": []}');
    const [notFlow, taken] = await Promise.all([
      runCli(['import-dw', join(dir, 'other.json'), '-o', join(dir, 'out.flow.json')]),
      runCli(['import-dw', join(dir, 'in.flow'), '-o', join(dir, 'taken.flow.json')]),
    ]);
    expect(notFlow.code).toBe(1);
    expect(notFlow.stderr).toMatch(/not a Data Wrangler flow: it has no "nodes" list/);
    expect(existsSync(join(dir, 'out.flow.json'))).toBe(false);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toMatch(/already exists; pass --force/);
    expect(helpText['import-dw']).toMatch(/Example:\n {2}wrangle import-dw /);
    expect(helpText.main).toContain('import-dw FILE');
  });
});
