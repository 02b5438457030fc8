import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { clickBlock, expectFresh, musicBlockIds, openFlowFile, openFresh, provideInputs } from './helpers';

// The CSP alone would stop an inline handler from running; bypassing it here proves the studio renders every payload
// as text, so the CSP is a second guard and not the only one.
test.use({ bypassCSP: true });

const IMG = '<img src=x onerror="window.__xss=1">';
const SCRIPT = '"><script>alert(1)</script>';
const LINK = 'javascript:alert(1)';
const IMG_ALERT = '<img src=x onerror=alert(1)>';

const csvField = (s: string) => `"${s.replaceAll('"', '""')}"`;
const sqlName = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** Column names and cells that would run script if any of them were rendered as HTML. */
const csv = [
  ['label', IMG, SCRIPT, LINK],
  [IMG, '1', '2', LINK],
  [SCRIPT, '3', '4', IMG_ALERT],
  [LINK, '5', '6', 'plain'],
  [IMG_ALERT, '7', '8', SCRIPT],
].map((row) => row.map(csvField).join(',')).join('\n') + '\n';

const edge = (from: string, to: string) => ({ from: { block: from, port: 'out' }, to: { block: to, port: 'in' } });
const flow = {
  format: 'wrangle-flow',
  version: 1,
  name: IMG,
  blocks: [
    { id: 'payloads', kind: 'import', label: IMG, params: { input: 'payloads', file: 'payloads.csv', format: 'csv' } },
    { id: 'renamed', kind: 'formula', label: SCRIPT, params: { column: LINK + ' copy', expression: `${sqlName(IMG)} + 1` } },
    // Its error names a column that does not exist, and that name is the payload.
    { id: 'broken', kind: 'formula', label: LINK, params: { column: 'x', expression: `${sqlName(`${IMG} missing`)} + 1` } },
  ],
  edges: [edge('payloads', 'renamed'), edge('payloads', 'broken')],
};

async function scriptRan(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
}

test('payloads in cells, column names, labels, error messages and chart hover text render as text and run nothing', async ({ page, baseURL }, testInfo) => {
  test.setTimeout(180_000);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // An <img src=x> put into the page as HTML would ask the server for /x.
  const strayImages: string[] = [];
  page.context().on('request', (request) => {
    if (request.url() === `${baseURL}/x`) strayImages.push(request.url());
  });

  const dataDir = testInfo.outputPath();
  writeFileSync(testInfo.outputPath('payloads.csv'), csv);
  const flowPath = testInfo.outputPath('payloads.flow.json');
  writeFileSync(flowPath, JSON.stringify(flow));

  await openFresh(page);
  await expectFresh(page, musicBlockIds);
  await openFlowFile(page, flowPath);
  await provideInputs(page, dataDir, [{ name: 'payloads', file: 'payloads.csv' }]);
  await expectFresh(page, ['payloads', 'renamed']);

  // The flow name and block labels.
  await expect(page.getByLabel('Flow name')).toHaveValue(IMG);
  await expect(page.getByTestId('block-payloads')).toContainText(IMG);
  await expect(page.getByTestId('block-renamed')).toContainText(SCRIPT);
  await expect(page.getByTestId('block-broken')).toContainText(LINK);

  // Column names and cells.
  await clickBlock(page, 'payloads');
  const table = page.getByTestId('preview-table');
  for (const name of [IMG, SCRIPT, LINK]) await expect(table.getByText(name, { exact: true }).first()).toBeVisible();
  await expect(table.getByText(IMG_ALERT, { exact: true }).first()).toBeVisible();
  await expect(table.locator('a, img, script')).toHaveCount(0);

  await clickBlock(page, 'renamed');
  await expect(page.getByTestId('preview-table').getByText(`${LINK} copy`, { exact: true })).toBeVisible();

  // An error message that quotes the payload.
  await expect(page.getByTestId('block-broken')).toHaveAttribute('data-status', 'error');
  await clickBlock(page, 'broken');
  await expect(page.getByTestId('inspector-error')).toContainText(`${IMG} missing`);
  await expect(page.getByTestId('inspector-error').locator('a, img, script')).toHaveCount(0);

  // A bar chart whose categories (axis labels and hover text) are the payloads.
  await clickBlock(page, 'payloads');
  await page.getByRole('tab', { name: 'Chart' }).click();
  const chart = page.getByTestId('chart-view');
  await chart.getByLabel('Chart', { exact: true }).selectOption({ label: 'Bar' });
  await chart.getByLabel('Categories', { exact: true }).selectOption('label');
  const bars = chart.locator('.main-svg .bars path');
  await expect(bars).toHaveCount(4);
  for (const bar of await bars.all()) {
    await bar.hover({ force: true });
    await expect(chart.locator('.hoverlayer .hovertext')).toBeVisible();
  }
  await expect(chart.locator('.hoverlayer')).toContainText('alert(1)');
  await expect(chart.locator('svg a, svg image, script')).toHaveCount(0);

  expect(dialogs).toEqual([]);
  expect(await scriptRan(page)).toBeUndefined();
  expect(strayImages).toEqual([]);
});
