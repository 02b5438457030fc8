import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { runCli } from '../src/testing/run-cli';
import { expectFresh, openFlowFile, openFresh, repoRoot } from './helpers';

/**
 * Export → PySpark job… in the studio gives what `wrangle pyspark` gives for the same flow file: the same bytes, or
 * the same refusal naming the same block. The studio reads user SQL with its own parser of DuckDB's grammar (duckdb-wasm
 * has no json_serialize_sql offline), so this holds the two hosts to one job.
 */

const dir = mkdtempSync(join(tmpdir(), 'wrangle-e2e-pyspark-'));

interface FlowFile {
  name: string;
  blocks: { id: string; kind: string; label?: string; params: Record<string, unknown> }[];
  edges: { from: { block: string }; to: { block: string } }[];
  view?: unknown;
}

const musicFlow = (): FlowFile => JSON.parse(readFileSync(join(repoRoot, 'sample-data/flows/music-recommendation.flow.json'), 'utf8')) as FlowFile;

/** The music flow cut to the blocks the train and test exports read: its workshop part. */
function workshopFlow(): FlowFile {
  const flow = musicFlow();
  const keep = new Set(['export_train', 'export_test']);
  for (let grew = true; grew; ) {
    grew = false;
    for (const e of flow.edges) if (keep.has(e.to.block) && !keep.has(e.from.block)) grew = keep.add(e.from.block) !== undefined;
  }
  delete flow.view;
  return { ...flow, name: 'Music workshop', blocks: flow.blocks.filter((b) => keep.has(b.id)), edges: flow.edges.filter((e) => keep.has(e.to.block)) };
}

/** What the CLI makes of the flow file: the job's text, or its E_SPARK_UNSUPPORTED message. */
async function cliJob(fileName: string): Promise<{ job?: string; refusal?: string }> {
  const r = await runCli(['pyspark', fileName], dir);
  if (r.code === 0) return { job: r.stdout };
  expect(r.stderr).toContain('E_SPARK_UNSUPPORTED');
  return { refusal: r.stderr };
}

/** A flow on the sample tracks (the block `tracks` imports them) with `blocks` after it, written to `fileName`. */
function writeTracksFlow(fileName: string, name: string, blocks: object[], edges: object[]): void {
  const tracks = { id: 'tracks', kind: 'import', label: 'Tracks', params: { input: 'tracks', file: 'tracks.csv' } };
  writeFileSync(join(dir, fileName), JSON.stringify({ format: 'wrangle-flow', version: 1, name, blocks: [tracks, ...blocks], edges }));
}

/** Clicks Export → PySpark job… and returns the downloaded job and its file name. */
async function studioJob(page: Page): Promise<{ fileName: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('navigation', { name: 'Export' }).getByRole('button', { name: 'Export PySpark job…' }).click()]);
  const path = join(dir, `studio-${download.suggestedFilename()}`);
  await download.saveAs(path);
  return { fileName: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

test('Export → PySpark job… downloads the job wrangle pyspark writes for the same flow file', async ({ page }) => {
  test.setTimeout(180_000);
  await openFresh(page);
  await expectFresh(page, ['tracks']);

  // The sample flow as first launch loads it, its model blocks included: the same job as the CLI's, byte for byte.
  writeFileSync(join(dir, 'music-recommendation.flow.json'), readFileSync(join(repoRoot, 'sample-data/flows/music-recommendation.flow.json')));
  const music = await cliJob('music-recommendation.flow.json');
  expect(music.refusal, 'wrangle pyspark refused the music flow').toBeUndefined();
  const musicJob = await studioJob(page);
  expect(musicJob.fileName).toBe('music-recommendation.py');
  expect(musicJob.text.length).toBe(music.job!.length);
  expect(musicJob.text === music.job, 'the studio’s job differs from the CLI’s').toBe(true);

  // Its workshop part, which every kind of it translates: byte for byte.
  writeFileSync(join(dir, 'music-workshop.flow.json'), JSON.stringify(workshopFlow(), null, 2));
  const workshop = await cliJob('music-workshop.flow.json');
  expect(workshop.job).toContain('def danceability(spark, args, df):');
  await openFlowFile(page, join(dir, 'music-workshop.flow.json'));
  await expect(page.getByTestId('block-export_train')).toBeVisible();
  const studio = await studioJob(page);
  expect(studio.fileName).toBe('music-workshop.py');
  expect(studio.text.length).toBe(workshop.job!.length);
  expect(studio.text === workshop.job, 'the studio’s job differs from the CLI’s').toBe(true);
});

test('a formula with a DuckDB-only function is refused with a message naming the block and the function', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await openFresh(page);
  await expectFresh(page, ['tracks']);
  writeTracksFlow('odd.flow.json', 'Odd tracks', [{ id: 'odd', kind: 'formula', label: 'Odd or even', params: { column: 'odd', expression: 'energy + md5_number(genre) % 2' } }], [
    { from: { block: 'tracks', port: 'out' }, to: { block: 'odd', port: 'in' } },
  ]);
  await openFlowFile(page, join(dir, 'odd.flow.json'));
  await expect(page.getByTestId('block-odd')).toBeVisible();
  await page.getByRole('navigation', { name: 'Export' }).getByRole('button', { name: 'Export PySpark job…' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'No PySpark job was written' });
  await expect(alert).toContainText('“Odd or even”: Block "odd" cannot become PySpark: the function md5_number (expression "energy + md5_number(genre) % 2", position 9 (line 1, column 10))');
  await page.screenshot({ path: testInfo.outputPath('pyspark-refusal.png') });
});

test('a sql block’s query exports as wrangle pyspark writes it', async ({ page }) => {
  test.setTimeout(120_000);
  await openFresh(page);
  await expectFresh(page, ['tracks']);
  writeTracksFlow(
    'genre-counts.flow.json',
    'Genre counts',
    [
      {
        id: 'by_genre',
        kind: 'sql',
        params: { query: "SELECT genre AS g, count(*) AS n, avg(energy) AS e, max(tempo) top FROM df WHERE energy > 0.5 AND genre <> 'x' GROUP BY genre HAVING count(*) > 1 ORDER BY n DESC LIMIT 5" },
      },
      { id: 'save', kind: 'export', params: { file: 'genres.csv' } },
    ],
    [
      { from: { block: 'tracks', port: 'out' }, to: { block: 'by_genre', port: 'df' } },
      { from: { block: 'by_genre', port: 'out' }, to: { block: 'save', port: 'in' } },
    ],
  );
  const cli = await cliJob('genre-counts.flow.json');
  expect(cli.job).toContain('return spark.sql(');
  await openFlowFile(page, join(dir, 'genre-counts.flow.json'));
  await expect(page.getByTestId('block-by_genre')).toBeVisible();
  const studio = await studioJob(page);
  expect(studio.fileName).toBe('genre-counts.py');
  expect(studio.text === cli.job, 'the studio’s job differs from the CLI’s').toBe(true);
});
