import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { clickBlock, expectFresh, musicBlockIds, openFlowFile, openFresh, provideInputs, studioDoc } from './helpers';

/** Every request the page and its workers make, and every CSP violation the page or the console reports. */
function watch(page: Page): { requests: string[]; violations: string[] } {
  const seen = { requests: [] as string[], violations: [] as string[] };
  page.context().on('request', (request) => seen.requests.push(request.url()));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.violations.push(message.text());
  });
  page.on('pageerror', (error) => {
    if (/Content Security Policy/i.test(error.message)) seen.violations.push(error.message);
  });
  return seen;
}

/** Requests for anything but the app's own origin (blob: downloads and data: icons never leave the tab). */
function leavingOrigin(requests: readonly string[], origin: string): string[] {
  return requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:'));
}

test('the app sends a CSP that keeps connections on its origin, and first launch, a chart, training and a download work under it', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const seen = watch(page);
  const response = await page.goto('/');
  const policy = response!.headers()['content-security-policy'] ?? '';
  expect(policy).toContain("connect-src 'self'");
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).not.toContain("'unsafe-eval'");
  expect(policy).toContain("object-src 'none'");

  await openFresh(page);
  // The music flow trains ALS with the wasm kernel, which is fetched and compiled under the policy.
  await expectFresh(page, musicBlockIds);

  await clickBlock(page, 'join_tracks');
  await page.getByRole('tab', { name: 'Chart' }).click();
  await expect(page.getByTestId('chart-view').locator('.main-svg').first()).toBeVisible();
  for (const kind of ['Scatter', 'Bar', 'Heatmap']) {
    await page.getByTestId('chart-view').getByLabel('Chart', { exact: true }).selectOption({ label: kind });
    await expect(page.getByTestId('chart-view').locator('.main-svg').first()).toBeVisible();
    await expect(page.getByTestId('chart-view').getByRole('alert')).toHaveCount(0);
  }

  await clickBlock(page, 'als_train');
  await expect(page.locator('.preview-panel').getByRole('tab', { name: 'Training' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('loss-chart')).toBeVisible();

  await clickBlock(page, 'export_train');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-export').click()]);
  expect(download.suggestedFilename()).toBe('train.csv');
  expect(await download.failure()).toBeNull();

  expect(seen.violations).toEqual([]);
  expect(leavingOrigin(seen.requests, baseURL!)).toEqual([]);
  // The watch sees the workers' requests too: duckdb-wasm and the ALS kernel are fetched from the origin as files.
  const wasm = seen.requests.filter((url) => url.endsWith('.wasm'));
  expect(wasm.some((url) => /^[^?#]+\/assets\/als-[\w-]+\.wasm$/.test(url)), wasm.join(', ')).toBe(true);
  expect(wasm.some((url) => /^[^?#]+\/assets\/duckdb-(eh|mvp)-[\w-]+\.wasm$/.test(url)), wasm.join(', ')).toBe(true);
});

test('a hostile flow that reaches for URLs and extensions sends no request off the origin and says why its blocks failed', async ({ page, baseURL }, testInfo) => {
  test.setTimeout(180_000);
  const seen = watch(page);
  const dataDir = testInfo.outputPath();
  writeFileSync(testInfo.outputPath('people.csv'), 'name,age\nAda,36\nLin,41\n');
  const edge = (from: string, to: string, port: string) => ({ from: { block: from, port: 'out' }, to: { block: to, port } });
  const flow = {
    format: 'wrangle-flow',
    version: 1,
    name: 'Hostile',
    blocks: [
      { id: 'people', kind: 'import', params: { input: 'people', file: 'people.csv', format: 'csv' } },
      { id: 'remote_csv', kind: 'sql', params: { query: "SELECT * FROM read_csv('https://example.com/x.csv')", inputs: ['df'] } },
      { id: 'remote_file', kind: 'sql', params: { query: "SELECT * FROM df UNION ALL SELECT * FROM 'https://example.com/y.csv'", inputs: ['df'] } },
      { id: 'extension', kind: 'sql', params: { query: 'INSTALL httpfs', inputs: ['df'] } },
      { id: 'remote_text', kind: 'formula', params: { column: 'stolen', expression: "read_text('https://example.com/secret.txt')" } },
    ],
    edges: [edge('people', 'remote_csv', 'df'), edge('people', 'remote_file', 'df'), edge('people', 'extension', 'df'), edge('people', 'remote_text', 'in')],
  };
  const flowPath = testInfo.outputPath('hostile.flow.json');
  writeFileSync(flowPath, JSON.stringify(flow));

  await openFresh(page);
  await expectFresh(page, musicBlockIds);
  await openFlowFile(page, flowPath);
  await provideInputs(page, dataDir, [{ name: 'people', file: 'people.csv' }]);
  await expectFresh(page, ['people']);

  const refusals: Record<string, RegExp> = {
    remote_csv: /E_SQL_REFUSED[\s\S]*read_csv/,
    remote_file: /E_SQL_REFUSED[\s\S]*https:\/\/example\.com\/y\.csv/,
    extension: /E_SQL_NOT_SELECT|E_SQL_INVALID/,
    remote_text: /E_SQL_REFUSED[\s\S]*read_text/,
  };
  for (const [id, why] of Object.entries(refusals)) {
    const block = page.getByTestId(`block-${id}`);
    await expect(block).toHaveAttribute('data-status', 'error');
    await clickBlock(page, id);
    await expect(page.getByTestId('inspector-error')).toContainText(why);
  }

  // A flow whose import names a URL is refused as a whole, before anything reads it.
  const urlImport = { ...flow, blocks: [{ id: 'remote', kind: 'import', params: { input: 'remote', file: 'https://example.com/x.csv', format: 'csv' } }], edges: [] };
  const urlPath = testInfo.outputPath('url-import.flow.json');
  writeFileSync(urlPath, JSON.stringify(urlImport));
  await openFlowFile(page, urlPath);
  const refused = page.getByRole('alert').filter({ hasText: 'url-import.flow.json is not a flow Wrangle can open' });
  await expect(refused).toContainText('$.blocks[0].params.file: must be a bare file name');
  expect((await studioDoc(page)).blocks.map((b) => b.id)).toEqual(flow.blocks.map((b) => b.id));

  expect(leavingOrigin(seen.requests, baseURL!)).toEqual([]);
  expect(seen.violations).toEqual([]);
});
