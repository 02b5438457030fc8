import { expect, test, type Page } from '@playwright/test';
import { blocksUnderCanvasTools, clickBlock, expectFresh, musicBlockIds, openFresh, studioDoc } from './helpers';

/**
 * Room on the canvas at 1440×900: the side and bottom panels fold away (and stay folded after a reload), the zoom
 * buttons and the overview map never lie over a block, and the smaller things of a first hour: palette search,
 * chart settings per block, a block that asks to be connected, Save asking for a name.
 */

const canvasBox = async (page: Page) => (await page.locator('.flow-canvas .react-flow').boundingBox())!;
const preview = (page: Page) => page.locator('.preview-panel');
const chart = (page: Page) => page.getByTestId('chart-view');

test('the panels fold away to give the canvas room, by button or key, and stay so after a reload', async ({ page }) => {
  await openFresh(page);
  await expectFresh(page, musicBlockIds);
  const start = await canvasBox(page);
  // The top bar keeps every control, the panel buttons and the save state last, inside the 1440 px window.
  for (const control of await page.locator('.topbar button:visible, .topbar input:visible, .topbar__status').all()) {
    const box = (await control.boundingBox())!;
    expect(box.x + box.width, `${await control.getAttribute('aria-label') ?? await control.textContent()} inside the window`).toBeLessThanOrEqual(1440);
  }
  // The save state reads whole: the flow name's field gives way first.
  await expect(page.locator('.topbar__status')).toContainText('Saved');
  expect(await page.locator('.topbar__status').evaluate((e) => e.scrollWidth - e.clientWidth)).toBe(0);
  const palette = page.getByRole('button', { name: 'Blocks panel' });
  await expect(palette).toHaveAttribute('aria-pressed', 'true');
  await expect(palette).toHaveAttribute('title', /\(\[\)$/);

  await palette.click();
  await expect(page.getByRole('complementary', { name: 'Blocks' })).toBeHidden();
  await expect(palette).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(async () => (await canvasBox(page)).width).toBeGreaterThan(start.width + 200);

  // The keys do the same when no field has focus: ] for the inspector, \ for the preview.
  await page.locator('.flow-canvas .react-flow__pane').click({ position: { x: 20, y: 15 } });
  await page.keyboard.press(']');
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeHidden();
  await page.keyboard.press('\\');
  await expect(page.getByRole('region', { name: 'Preview' })).toBeHidden();
  await expect.poll(async () => (await canvasBox(page)).width).toBeGreaterThan(start.width + 550);
  await expect.poll(async () => (await canvasBox(page)).height).toBeGreaterThan(start.height + 300);
  const roomy = await canvasBox(page);

  // Typing the same keys in a field types them.
  const name = page.getByLabel('Flow name', { exact: true });
  await name.click();
  await page.keyboard.press(']');
  await expect(page.getByRole('button', { name: 'Inspector panel' })).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('Escape');

  await page.reload();
  await expect(page.getByTestId('block-tracks')).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Blocks' })).toBeHidden();
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'Preview' })).toBeHidden();
  await expect.poll(async () => (await canvasBox(page)).width).toBeCloseTo(roomy.width, -1);
  await page.screenshot({ path: 'test-results/screens/panels-folded-1440.png' });

  // Back again, from the buttons (keyboard: focus and Enter).
  for (const panel of ['Blocks panel', 'Inspector panel', 'Preview panel']) {
    await page.getByRole('button', { name: panel }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: panel })).toHaveAttribute('aria-pressed', 'true');
  }
  await expect(page.getByRole('region', { name: 'Preview' })).toBeVisible();
  await expect.poll(async () => (await canvasBox(page)).width).toBeCloseTo(start.width, -1);
});

test('the zoom buttons and the overview map cover no block at first launch, panned or not; the map can be hidden', async ({ page }) => {
  await openFresh(page);
  await expectFresh(page, musicBlockIds);
  await expect(page.locator('.flow-canvas .react-flow__minimap')).toBeVisible();
  expect(await blocksUnderCanvasTools(page)).toEqual([]);
  // Panned so the flow runs under the right and bottom edges, where the tools are.
  const box = await canvasBox(page);
  const onPane = (p: { x: number; y: number }) => page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.classList.contains('react-flow__pane') ?? false, p);
  let from: { x: number; y: number } | undefined;
  for (const fy of [0.05, 0.5, 0.3, 0.7, 0.9]) {
    for (const fx of [0.5, 0.3, 0.1, 0.7]) {
      const p = { x: box.x + box.width * fx, y: box.y + box.height * fy };
      if (!from && (await onPane(p))) from = p;
    }
  }
  expect(from, 'an empty spot of the canvas to pan from').toBeDefined();
  const before = await page.locator('.flow-canvas .react-flow__viewport').getAttribute('style');
  await page.mouse.move(from!.x, from!.y);
  await page.mouse.down();
  await page.mouse.move(from!.x + 150, from!.y + 120, { steps: 6 });
  await page.mouse.up();
  await expect(page.locator('.flow-canvas .react-flow__viewport')).not.toHaveAttribute('style', before!);
  expect(await blocksUnderCanvasTools(page)).toEqual([]);

  const mapToggle = page.getByRole('button', { name: 'Overview map' });
  const withMap = await canvasBox(page);
  await mapToggle.click();
  await expect(page.locator('.flow-canvas .react-flow__minimap')).toHaveCount(0);
  await expect.poll(async () => (await canvasBox(page)).width).toBeGreaterThan(withMap.width + 100);
  await mapToggle.click();
  await expect(page.locator('.flow-canvas .react-flow__minimap')).toBeVisible();
});

test('palette search "als" and Enter adds Train ALS', async ({ page }) => {
  await openFresh(page);
  await expect(page.getByTestId('block-tracks')).toBeVisible();
  const search = page.getByTestId('palette-search');
  await search.fill('als');
  // The best match is listed first.
  await expect(page.locator('.palette__item').first()).toHaveAttribute('data-testid', 'palette-train-als');
  const before = (await studioDoc(page)).blocks.length;
  await search.press('Enter');
  await expect.poll(async () => (await studioDoc(page)).blocks.length).toBe(before + 1);
  expect((await studioDoc(page)).blocks.at(-1)!.kind).toBe('train-als');
});

test('the chart opens on a measure, not an id, and keeps its settings per block', async ({ page }) => {
  await openFresh(page);
  await expectFresh(page, musicBlockIds);
  await clickBlock(page, 'ratings');
  await preview(page).getByRole('tab', { name: 'Chart' }).click();
  await expect(page.getByTestId('chart-view')).toBeVisible();
  await expect(chart(page).getByLabel('Chart', { exact: true })).toHaveValue('histogram');
  await expect(chart(page).getByLabel('X', { exact: true })).toHaveValue('Rating');

  await chart(page).getByLabel('Chart', { exact: true }).selectOption('bar');
  await chart(page).getByLabel('Categories', { exact: true }).selectOption('userId');
  await clickBlock(page, 'tracks');
  await expect(chart(page).getByLabel('Chart', { exact: true })).toHaveValue('histogram');
  await expect(chart(page).getByLabel('X', { exact: true })).not.toHaveValue('trackId');
  await clickBlock(page, 'ratings');
  await expect(chart(page).getByLabel('Chart', { exact: true })).toHaveValue('bar');
  await expect(chart(page).getByLabel('Categories', { exact: true })).toHaveValue('userId');
});

test('a new block without its input asks to be connected, calmly; Save asks for a file name', async ({ page }) => {
  await openFresh(page);
  await expectFresh(page, musicBlockIds);
  await page.evaluate(() => (window as unknown as { __wrangle: { actions: { select(ids: string[]): void } } }).__wrangle.actions.select([]));
  await page.getByTestId('palette-filter').dblclick();
  const filter = (await studioDoc(page)).blocks.at(-1)!.id;
  await expect(page.getByTestId(`block-${filter}`)).toHaveAttribute('data-status', 'setup');
  await expect(page.getByTestId('preview-setup')).toContainText('Connect its input');
  await expect(page.getByTestId('preview-setup').locator('code')).toHaveText('E_PORT_UNCONNECTED');
  await expect(preview(page).locator('.preview-error')).toHaveCount(0);

  await page.getByRole('button', { name: 'Save…', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Save the flow' });
  const fileName = dialog.getByLabel('File name');
  await expect(fileName).toHaveValue('music-recommendation.flow.json');
  await fileName.fill('my music');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
  expect(download.suggestedFilename()).toBe('my music.flow.json');
  await expect(dialog).toBeHidden();
  // Cancel leaves without a download.
  await page.keyboard.press('Control+s');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});
