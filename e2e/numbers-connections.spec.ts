import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { clickBlock, expectFresh, openFlowFile, openFresh, provideInputs, readFixtureFlow, repoRoot, revealInCanvas, studioDoc } from './helpers';

const FLOW = 'movie-ratings.flow.json';
const preview = (page: Page) => page.locator('.preview-panel');
const hasEdge = async (page: Page, from: string, to: string) =>
  (await studioDoc(page)).edges.some((e) => `${e.from.block}.${e.from.port}` === from && `${e.to.block}.${e.to.port}` === to);

/** The MovieLens sample flow (split 70/30, train ALS, predict, evaluate on a 0.5–5 half-star scale), every block run. */
async function openMovieRatings(page: Page): Promise<void> {
  await openFresh(page);
  await openFlowFile(page, join(repoRoot, 'sample-data', 'flows', FLOW));
  await provideInputs(page, join(repoRoot, 'sample-data', 'movielens'), [
    { name: 'movies', file: 'movies.csv' },
    { name: 'ratings', file: 'ratings.csv' },
  ]);
  await expectFresh(page, readFixtureFlow(FLOW).blocks.map((b) => b.id), 120_000);
}

test('numbers people can read: rounded metrics with their full value, resizable columns, counts that mean something', async ({ page }) => {
  test.setTimeout(240_000);
  await openMovieRatings(page);

  // Cards count what the block did, not the rows of an internal table.
  await expect(page.getByTestId('block-evaluate').locator('.block-node__status-text')).toHaveText(/^[\d,]+ rows scored$/);
  await expect(page.getByTestId('block-predict').locator('.block-node__status-text')).toHaveText(/^[\d,]+ rows scored$/);
  await expect(page.getByTestId('block-train').locator('.block-node__status-text')).toHaveText(/^[\d,]+ users · [\d,]+ items$/);

  // The Evaluation tab: RMSE and MAE rounded (the full value on hover) and the shares named in half stars.
  await clickBlock(page, 'evaluate');
  await preview(page).getByRole('tab', { name: 'Evaluation' }).click();
  const figures = preview(page).getByTestId('evaluation-metrics');
  for (const label of ['RMSE', 'MAE', 'rows scored', 'exact', 'within half a star', 'within one star', 'further than one star']) {
    await expect(figures.getByText(label, { exact: true })).toBeVisible();
  }
  await expect(figures.getByText('off_by_1')).toHaveCount(0);
  const rmse = figures.locator('[data-metric="RMSE"] dd');
  await expect(rmse).toHaveText(/^\d\.\d{1,4}$/);
  const full = await rmse.getAttribute('title');
  expect(Number(full)).toBeCloseTo(Number(await rmse.textContent()), 3);
  expect(full!.length).toBeGreaterThan((await rmse.textContent())!.length);
  const shares = await figures.locator('[data-metric^="within"] dd').allTextContents();
  expect(shares.map((s) => Number(s.replace('%', '')))).toEqual([...shares.map((s) => Number(s.replace('%', '')))].sort((a, b) => a - b));
  await expect(preview(page).getByTestId('crosstab-heatmap').locator('.heatmaplayer')).toBeVisible();
  mkdirSync('test-results/screens', { recursive: true });
  await page.screenshot({ path: 'test-results/screens/evaluation-tab.png' });

  // Float cells are rounded with their full value on hover, never cut off; columns resize from the keyboard.
  await clickBlock(page, 'predict');
  await preview(page).getByRole('tab', { name: 'Data' }).click();
  const cell = preview(page).getByTestId('preview-table').locator('.preview-cell-text[title]').first();
  await expect(cell).toBeVisible();
  expect((await cell.textContent())!.replace(/[-.]/g, '').length).toBeLessThanOrEqual(8);
  const header = preview(page).getByTestId('preview-col-prediction');
  const before = (await header.boundingBox())!.width;
  await preview(page).getByTestId('resize-prediction').focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(async () => Math.round((await header.boundingBox())!.width - before)).toBe(48);
  // The width stays while the block stays selected, across tabs.
  await preview(page).getByRole('tab', { name: 'Profile' }).click();
  await preview(page).getByRole('tab', { name: 'Data' }).click();
  expect(Math.round((await header.boundingBox())!.width - before)).toBe(48);
  await page.screenshot({ path: 'test-results/screens/prediction-table.png' });
});

test('connections: a drop on a used input replaces it (undoable), a selected wire shows in the inspector, toasts go', async ({ page }) => {
  test.setTimeout(240_000);
  await openMovieRatings(page);

  // Drop split's train output on predict's data input, which reads split's test output: it is replaced, with a note.
  expect(await hasEdge(page, 'split.test', 'predict.data')).toBe(true);
  await revealInCanvas(page, ['split', 'predict']);
  const handle = (block: string, side: string, port: string) => page.locator(`.react-flow__node[data-id="${block}"] .react-flow__handle.${side}[data-handleid="${port}"]`);
  const a = (await handle('split', 'source', 'train').boundingBox())!;
  const b = (await handle('predict', 'target', 'data').boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2 - 20, b.y + b.height / 2, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
  // Over the taken input, the canvas says which connection the drop replaces.
  await expect(page.locator('.canvas-hint--info')).toContainText('Dropping here replaces the connection from');
  await page.mouse.up();
  await expect.poll(() => hasEdge(page, 'split.train', 'predict.data')).toBe(true);
  expect(await hasEdge(page, 'split.test', 'predict.data')).toBe(false);
  const note = page.getByRole('region', { name: 'Notifications' }).getByRole('status').filter({ hasText: 'Replaced the connection into' });
  await expect(note).toContainText('· data: it read');
  await expect(note).toContainText('· test, now');
  // The note goes by itself (info: 5 s).
  await expect(note).toHaveCount(0, { timeout: 12_000 });

  // One undo brings the old wire back.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  expect(await hasEdge(page, 'split.test', 'predict.data')).toBe(true);
  expect(await hasEdge(page, 'split.train', 'predict.data')).toBe(false);

  // Clicking a wire selects it; the inspector names its two ends by block title, and Delete removes it.
  const wireId = 'predict.out->evaluate.in';
  await selectWire(page, wireId, ['predict', 'evaluate']);
  const inspector = page.getByTestId('connection-inspector');
  await expect(inspector).toContainText('Predict');
  await expect(inspector).toContainText('output out');
  await expect(inspector).toContainText('Evaluate ratings');
  await expect(inspector).toContainText('input in');
  await page.screenshot({ path: 'test-results/screens/wire-inspector.png' });
  await page.keyboard.press('Delete');
  await expect.poll(() => hasEdge(page, 'predict.out', 'evaluate.in')).toBe(false);
  await expect(page.getByTestId('inspector')).toContainText('Nothing selected');

  // Undo, select it again, and the inspector's Delete button removes it too.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect.poll(() => hasEdge(page, 'predict.out', 'evaluate.in')).toBe(true);
  await selectWire(page, wireId, ['predict', 'evaluate']);
  await inspector.getByRole('button', { name: 'Delete connection' }).click();
  await expect.poll(() => hasEdge(page, 'predict.out', 'evaluate.in')).toBe(false);
});

/** Clicks the middle of a wire, as a user picks it, and waits for the inspector to show it. */
async function selectWire(page: Page, id: string, ends: readonly string[]): Promise<void> {
  await revealInCanvas(page, ends);
  const path = page.getByTestId(`rf__edge-${id}`).locator('.react-flow__edge-interaction');
  const box = (await path.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByTestId('connection-inspector')).toBeVisible();
}
