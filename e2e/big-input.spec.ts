import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { addFromPalette, canvasViewport, clickBlock, expectFresh, importDataFiles, musicBlockIds, openFresh, studioDoc } from './helpers';

interface Hooked {
  __wrangle: { actions: { connect(from: { block: string; port: string }, to: { block: string; port: string }): { ok: boolean } } };
}

/** A ratings-shaped CSV of `rows` rows (about 40 bytes each), seeded so the file is the same every run. */
function ratingsCsv(rows: number): string {
  const lines = ['ratingEventId,userId,trackId,Rating,ts'];
  let x = 12345;
  for (let i = 0; i < rows; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    lines.push(`${i},u${x % 5000},t${(x >> 8) % 2000},${(x % 5) + 1},${1_600_000_000 + i}`);
  }
  return `${lines.join('\n')}\n`;
}

test('a file above the preview sample size previews on a seeded sample, and its export offers the wrangle run command', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const ROWS = 80_000;
  const path = testInfo.outputPath('big-ratings.csv');
  writeFileSync(path, ratingsCsv(ROWS));

  await openFresh(page);
  await expectFresh(page, musicBlockIds);
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);

  // The threshold, set low through the top bar's setting.
  const sampleSize = page.getByRole('textbox', { name: 'Preview sample size (rows)' });
  await sampleSize.fill('2,000');
  await sampleSize.press('Enter');
  await expect(sampleSize).toHaveValue('2,000');

  await importDataFiles(page, path);
  const imported = (await studioDoc(page)).blocks[0]!;
  await expectFresh(page, [imported.id]);
  await clickBlock(page, imported.id);

  const notice = page.getByTestId('sample-notice');
  await expect(notice).toContainText(/Preview of a 2,000-row sample of about [\d,]+ rows/);
  const about = Number((await notice.textContent())!.match(/about ([\d,]+) rows/)![1]!.replaceAll(',', ''));
  expect(about).toBeGreaterThan(ROWS * 0.9);
  expect(about).toBeLessThan(ROWS * 1.1);
  await expect(page.getByTestId('preview-row-count')).toHaveText('2,000 rows');

  // An export of the sample: the tab does not write it, and says how the CLI does.
  const exportId = await addFromPalette(page, 'export');
  const wired = await page.evaluate(
    ([from, to]) => (window as unknown as Hooked).__wrangle.actions.connect({ block: from, port: 'out' }, { block: to, port: 'in' }),
    [imported.id, exportId] as const,
  );
  expect(wired.ok).toBe(true);
  await expectFresh(page, [exportId]);
  const doc = await studioDoc(page);
  const input = String(doc.blocks.find((b) => b.id === imported.id)!.params.input);
  const file = String(doc.blocks.find((b) => b.id === exportId)!.params.file);
  const cli = page.getByTestId('export-cli');
  await expect(cli).toContainText(`${file} needs every row, too many for this tab`);
  await expect(cli.locator('code')).toHaveText(`npx wrangle run untitled-flow.flow.json --input ${input}=big-ratings.csv --out out/`);
  await expect(page.getByTestId('download-export')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/big-input.png' });

  // With a sample size above the file's rows, the whole file previews and the export downloads from the tab.
  await sampleSize.fill('1000000');
  await sampleSize.press('Enter');
  const { width } = await canvasViewport(page);
  await page.locator('.flow-canvas .react-flow__pane').click({ position: { x: width - 20, y: 15 } });
  await clickBlock(page, imported.id);
  await expect(page.getByTestId('preview-row-count')).toHaveText(`${ROWS.toLocaleString('en-US')} rows`);
  await expect(page.getByTestId('sample-notice')).toHaveCount(0);
  await clickBlock(page, exportId);
  await expect(page.getByTestId('download-export')).toBeEnabled();
});
