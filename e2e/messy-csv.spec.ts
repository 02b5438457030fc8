import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { canvasViewport, clickBlock, expectFresh, importDataFiles, musicBlockIds, openFresh, repoRoot, studioDoc } from './helpers';

/** Selects one block alone: the import selects every block it adds. */
async function selectOnly(page: Page, id: string): Promise<void> {
  const { width } = await canvasViewport(page);
  await page.locator('.flow-canvas .react-flow__pane').click({ position: { x: width - 20, y: 15 } });
  await clickBlock(page, id);
  await expect(page.getByTestId('inspector-block')).toHaveAttribute('data-block-id', id);
}

test('a messy CSV file says what was repaired, lists the rejected rows, and its dialect can be overridden', async ({ page }) => {
  test.setTimeout(180_000);
  await openFresh(page);
  await expectFresh(page, musicBlockIds);
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);

  await importDataFiles(page, ['missing-fields.csv', 'windows1252.csv'].map((f) => join(repoRoot, 'sample-data', 'messy', f)));
  const blocks = (await studioDoc(page)).blocks;
  const idOf = (file: string) => blocks.find((b) => b.params.file === file)!.id;
  const ragged = idOf('missing-fields.csv');
  const cp1252 = idOf('windows1252.csv');
  await expectFresh(page, [ragged, cp1252]);

  // DuckDB alone reads this file as one column; the studio reads 3 columns and pads the two short rows.
  await selectOnly(page, ragged);
  const report = page.getByRole('status', { name: 'CSV read report' });
  await expect(report).toContainText('2 rows padded / 0 rows rejected');
  await expect(report).toContainText('line 3, 5');
  await expect(page.getByTestId('preview-row-count')).toHaveText('5 rows');
  await expect(page.getByRole('status', { name: 'Detected CSV dialect' })).toContainText('Read as: delimiter ","');

  // Overridden: short rows rejected instead, and listed with their lines and text.
  await page.getByLabel('Bad rows').selectOption('reject');
  await expect(report).toContainText('0 rows padded / 2 rows rejected');
  await expect(page.getByTestId('preview-row-count')).toHaveText('3 rows');
  await report.getByText('Rejected rows (2)').click();
  await expect(report.locator('tbody tr').first()).toContainText('2,Bob');
  await expect(report.locator('tbody tr').first()).toContainText('2 fields where the header has 3');
  await page.screenshot({ path: 'test-results/screens/messy-csv.png' });

  // Windows-1252 is detected and converted, not turned into mojibake.
  await selectOnly(page, cp1252);
  await expect(page.getByRole('status', { name: 'Detected CSV dialect' })).toContainText('encoding windows-1252, converted to UTF-8');
  await expect(page.getByText('“Müller”', { exact: true })).toBeVisible();
});
