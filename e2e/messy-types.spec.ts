import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { expectFresh, importDataFiles, musicBlockIds, openFresh, repoRoot, studioDoc } from './helpers';

/** Dates, times and amounts written as people write them, then a second table after a blank line. */
const ORDERS = [
  'id,day,at,price',
  '1,28/01/2018,14:05,"$1,234.50"',
  '2,03/02/2018,09:30,$12.00',
  '3,13/02/2018,17:45,$0.99',
  '',
  'key,value',
  'source,shop',
  'version,3',
].join('\n');

test('columns kept as text say why; a types block converts them with the format it shows; the second table is one click away', async ({ page }) => {
  test.setTimeout(180_000);
  const dir = join(repoRoot, 'test-results', 'messy-types');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'orders.csv'), `${ORDERS}\n`);
  await openFresh(page);
  await expectFresh(page, musicBlockIds);
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);

  await importDataFiles(page, join(dir, 'orders.csv'));
  const importId = (await studioDoc(page)).blocks[0]!.id;
  await expectFresh(page, [importId]);

  // The import keeps the cells as written and says why, column by column.
  const report = page.getByRole('status', { name: 'CSV read report' });
  await expect(report).toContainText('day: dates written DD/MM/YYYY');
  await expect(report).toContainText('at: times written HH:MM');
  await expect(report).toContainText('price: currency sign');
  await expect(page.getByText('28/01/2018', { exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/import-kept-as-text.png' });

  // The second table becomes a second import of the same file, from its line.
  await report.getByRole('button', { name: 'Import the table at line 6' }).click();
  await expect.poll(async () => (await studioDoc(page)).blocks.length).toBe(2);
  const second = (await studioDoc(page)).blocks.find((b) => b.id !== importId)!;
  expect(second.params).toMatchObject({ file: 'orders.csv', csv: { skipRows: 5 } });
  await expectFresh(page, [second.id]);
  await expect(page.getByTestId('preview-row-count')).toHaveText('2 rows');

  // Back on the first import: a types block after it converts the text, showing the formats it inferred.
  await page.evaluate((id) => (window as unknown as { __wrangle: { actions: { select(ids: string[]): void } } }).__wrangle.actions.select([id]), importId);
  await report.getByRole('button', { name: 'Convert with a Types block' }).click();
  await expect.poll(async () => (await studioDoc(page)).blocks.length).toBe(3);
  const typesId = (await studioDoc(page)).blocks.find((b) => b.kind === 'types')!.id;
  await expectFresh(page, [typesId]);
  const inspector = page.getByTestId('inspector-block');
  await expect(inspector.getByLabel('day format')).toHaveAttribute('placeholder', 'DD/MM/YYYY');
  await expect(inspector).toContainText('Inferred DD/MM/YYYY from the values.');
  await expect(inspector.getByLabel('at format')).toHaveAttribute('placeholder', 'HH:MM');
  await expect(inspector.getByLabel('price format')).toHaveAttribute('placeholder', 'currency');
  await expect(page.getByText('2018-01-28', { exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/types-formats.png' });

  // A format typed by hand is checked as it is typed.
  await inspector.getByLabel('day format').fill('DD/MM/YYYYY');
  await expect(inspector).toContainText('is not a format this block reads');
});

test('a JSON file under a .csv name is refused as not a table, and one click reads it as JSON', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = join(repoRoot, 'test-results', 'messy-types');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'people.csv'), '[\n  {"id": 1, "name": "Ann"},\n  {"id": 2, "name": "Bob"}\n]\n');
  await openFresh(page);
  await expectFresh(page, musicBlockIds);
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await importDataFiles(page, join(dir, 'people.csv'));
  const id = (await studioDoc(page)).blocks[0]!.id;
  await expect(page.getByTestId(`block-${id}`)).toHaveAttribute('data-status', 'error', { timeout: 60_000 });
  const inspector = page.getByTestId('inspector-block');
  await expect(inspector).toContainText('E_NOT_A_TABLE');
  await inspector.getByRole('button', { name: 'Read as JSON' }).click();
  await expectFresh(page, [id]);
  expect((await studioDoc(page)).blocks[0]!.params).toMatchObject({ format: 'json' });
  await expect(page.getByTestId('preview-row-count')).toHaveText('2 rows');
});
