import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { ImportReport, NodeStatus } from '../src/importers/dw/report';
import { runCli } from '../src/testing/run-cli';
import { expectFresh, golden, openFresh, repoRoot, studioDoc } from './helpers';

/**
 * The studio's "Import Data Wrangler flow…" on the workshop's real .flow file: the conversion report it shows says
 * what `wrangle import-dw` says, node for node, and the converted flow runs on the music sample to the train.csv
 * columns of the shipped flow's golden.
 */

const DW_FLOW = join(repoRoot, '..', 'shared', 'fixtures', 'dw', 'music_join.flow');
const MUSIC_DATA = join(repoRoot, 'sample-data', 'music');
const STATUSES: readonly NodeStatus[] = ['translated', 'refitted', 'approximated', 'unsupported'];
const STATUS_TEXT: Record<NodeStatus, string> = { translated: 'Translated', refitted: 'Refitted', approximated: 'Approximated', unsupported: 'Unsupported' };

const report = (page: Page) => page.getByRole('dialog', { name: /^Imported / });

async function importDwFile(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import Data Wrangler flow…', exact: true }).click();
  await (await chooser).setFiles(path);
}

/** What the CLI reports for the same file, from its --json output. */
async function cliReport(outDir: string): Promise<ImportReport> {
  const result = await runCli(['import-dw', DW_FLOW, '-o', join(outDir, 'music_join.flow.json'), '--force', '--json']);
  expect(result.code, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { report: ImportReport }).report;
}

test('a file that is not a Data Wrangler flow is refused with a reason, and the open flow stays as it was', async ({ page }) => {
  await openFresh(page);
  await expectFresh(page, ['tracks']);
  const before = await studioDoc(page);

  // A Wrangle flow is the likely mix-up: the studio says it is one, once, and opens nothing.
  await importDwFile(page, join(repoRoot, 'sample-data', 'flows', 'music-recommendation.flow.json'));
  const alert = page.getByRole('region', { name: 'Notifications' }).getByRole('alert');
  await expect(alert).toContainText('music-recommendation.flow.json is not a Data Wrangler flow: this is already a Wrangle flow');
  await expect(alert).not.toContainText('not a Data Wrangler flow: not a Data Wrangler flow');
  await expect(report(page)).toHaveCount(0);
  expect(await studioDoc(page)).toEqual(before);
});

test('the workshop .flow imports with the CLI’s report and runs to the golden train.csv columns', async ({ page }, testInfo) => {
  test.skip(!existsSync(DW_FLOW), `the Data Wrangler fixture is not here: ${DW_FLOW}`);
  test.setTimeout(180_000);
  const outDir = testInfo.outputPath('out');
  mkdirSync(outDir, { recursive: true });
  const expected = await cliReport(outDir);

  // Over the sample flow, settled first so its bundled files are not registered for the imported flow.
  await openFresh(page);
  await expectFresh(page, ['tracks']);
  await importDwFile(page, DW_FLOW);

  // The report: the summary counts and, row for row, each node's operator and status as the CLI has them.
  const dialog = report(page);
  await expect(dialog.getByRole('heading', { name: 'Imported music_join.flow' })).toBeVisible();
  const counts = Object.fromEntries(STATUSES.map((s) => [s, expected.nodes.filter((n) => n.status === s).length]));
  expect(counts).toEqual({ translated: 12, refitted: 2, approximated: 1, unsupported: 0 });
  await expect(dialog.locator('header p')).toHaveText(
    `${expected.nodes.length} steps: ${counts.translated} translated, ${counts.refitted} refitted, ${counts.approximated} approximated, ${counts.unsupported} unsupported.`,
  );
  const rows = dialog.locator('tbody tr');
  await expect(rows).toHaveCount(expected.nodes.length);
  const shown = await rows.evaluateAll((trs) => trs.map((tr) => [tr.querySelector('code')?.textContent ?? '', tr.children[1]?.textContent ?? '']));
  expect(shown).toEqual(expected.nodes.map((n) => [n.operator.replace(/^sagemaker\.(spark\.)?/, ''), STATUS_TEXT[n.status]]));
  await expect(dialog.getByRole('row', { name: /split_0\.1/ })).toContainText("Spark's randomSplit cannot be reproduced");
  await page.screenshot({ path: 'test-results/screens/dw-import-report.png' });

  // The converted flow asks for its two sources by name; their "Choose file…" buttons are in reach with the report open.
  const asking = page.getByRole('region', { name: 'Files the flow needs' });
  for (const input of ['tracks', 'ratings']) {
    const chooser = page.waitForEvent('filechooser');
    await asking.getByRole('listitem').filter({ hasText: `${input} expects ${input}.csv` }).getByRole('button', { name: 'Choose file…' }).click();
    await (await chooser).setFiles(join(MUSIC_DATA, `${input}.csv`));
  }
  await expect(asking).toHaveCount(0);
  const doc = await studioDoc(page);
  expect(doc.blocks.map((b) => b.id).sort()).toEqual(expected.nodes.flatMap((n) => n.blocks).sort());
  await expectFresh(page, doc.blocks.map((b) => b.id), 120_000);

  // Its train export has the columns of the shipped flow's train.csv.
  const exportTrain = doc.blocks.find((b) => b.kind === 'export' && b.params.file === 'train.csv');
  expect(exportTrain, 'an export of train.csv').toBeDefined();
  await page.getByRole('dialog', { name: /^Imported / }).getByRole('button', { name: 'Close', exact: true }).click();
  await expect(report(page)).toHaveCount(0);
  await page.getByTestId(`block-${exportTrain!.id}`).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-export').click()]);
  const path = join(outDir, 'train.csv');
  await download.saveAs(path);
  const text = readFileSync(path, 'utf8');
  expect(text.slice(0, text.indexOf('\n')).split(',')).toEqual(golden('music-recommendation.flow.json')['train.csv']!.columns);
});
