import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { addFromPalette, clickBlock, repoRoot } from './helpers';

interface Hooks {
  getDoc(): { blocks: { id: string }[] };
  getRuntime(): Record<string, { status: string }>;
  actions: { connect(from: { block: string; port: string }, to: { block: string; port: string }): { ok: boolean } };
}

const runtime = (page: Page) => page.evaluate(() => (window as unknown as { __wrangle: Hooks }).__wrangle.getRuntime());
const status = async (page: Page, id: string) => (await runtime(page))[id]?.status;

/** Waits until every block of the flow but `except` has a fresh result. */
async function expectAllFresh(page: Page, except: readonly string[] = [], timeout = 240_000): Promise<void> {
  await expect
    .poll(
      async () => {
        const doc = await page.evaluate(() => (window as unknown as { __wrangle: Hooks }).__wrangle.getDoc());
        const states = await runtime(page);
        if (doc.blocks.length === 0) return ['the flow has not loaded yet'];
        return doc.blocks.filter((b) => !except.includes(b.id) && states[b.id]?.status !== 'fresh').map((b) => `${b.id}: ${states[b.id]?.status}`);
      },
      { timeout, intervals: [500, 1000] },
    )
    .toEqual([]);
}

/** Distinct tracks in the bundled ratings: the items a model trained on all of them has. */
function distinctTracks(): number {
  const [header, ...lines] = readFileSync(join(repoRoot, 'sample-data', 'music', 'ratings.csv'), 'utf8').trim().split('\n');
  const at = header!.split(',').indexOf('trackId');
  return new Set(lines.map((l) => l.split(',')[at])).size;
}

const form = (page: Page) => page.getByTestId('inspector-block');
const preview = (page: Page) => page.locator('.preview-panel');
/** Plotly draws one `path.point` per marker of a trace. */
const markers = (page: Page, testId: string) => preview(page).getByTestId(testId).locator('.scatterlayer .trace').first().locator('path.point');
/** The markers of every trace: a scatter coloured by a text column has one trace per label. */
const allMarkers = (page: Page, testId: string) => preview(page).getByTestId(testId).locator('.scatterlayer .trace path.point');

/** The genres of the bundled tracks. */
function trackGenres(): Set<string> {
  const [header, ...lines] = readFileSync(join(repoRoot, 'sample-data', 'music', 'tracks.csv'), 'utf8').trim().split('\n');
  const at = header!.split(',').indexOf('genre');
  return new Set(lines.map((l) => l.split(',')[at] ?? ''));
}

test('the Training tab: loss curve, metrics and item factors of a model; Stop stops a long training', async ({ page }) => {
  test.setTimeout(600_000);
  await page.goto('/');
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const req = indexedDB.deleteDatabase('wrangle-studio');
        req.onsuccess = req.onerror = req.onblocked = () => resolve();
      }),
  );
  await page.reload();
  // The sample flow (its own ALS branch included) finishes first, so the edits below do not restart its training.
  await expectAllFresh(page);

  // Its model's item factors start coloured by genre: a column of the tracks import, joined on trackId in the engine.
  await clickBlock(page, 'als_train');
  await expect(preview(page).getByLabel('Colour by').locator('option:checked')).toHaveText('genre — Tracks');
  const scatter = preview(page).getByTestId('factor-scatter');
  await expect(scatter).toHaveAttribute('data-colour', 'genre');
  expect(trackGenres().size).toBe(10);
  await expect(scatter.locator('.legend .traces')).toHaveCount(10);
  expect((await scatter.locator('.legend .legendtext').allTextContents()).sort()).toEqual([...trackGenres()].sort());
  await expect(allMarkers(page, 'factor-scatter')).toHaveCount(Number(await scatter.getAttribute('data-points')));
  await scatter.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/item-factors-genre.png' });

  // import → train-als on the bundled ratings: rank 8, 5 iterations.
  const als = await addFromPalette(page, 'train-als');
  const connected = await page.evaluate(
    (id) => (window as unknown as { __wrangle: Hooks }).__wrangle.actions.connect({ block: 'ratings', port: 'out' }, { block: id, port: 'ratings' }),
    als,
  );
  expect(connected.ok).toBe(true);
  await form(page).getByLabel('Rank').fill('8');
  await form(page).getByLabel('Iterations (maxIter)').fill('5');
  await form(page).getByLabel('Item column').selectOption('trackId');
  await form(page).getByLabel('Rating column').selectOption('Rating');

  // The Training tab opens by default on a training block, and shows the trained model.
  await expect(preview(page).getByRole('tab', { name: 'Training' })).toHaveAttribute('aria-selected', 'true');
  const metrics = preview(page).getByTestId('training-metrics');
  await expect(metrics).toBeVisible({ timeout: 120_000 });
  const metric = (label: string) => metrics.locator('.training-metric', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd');
  await expect(metric('rank')).toHaveText('8');
  await expect(metric('iterations')).toHaveText('5');
  await expect(metric('items')).toHaveText(distinctTracks().toLocaleString('en-US'));
  await expect(metric('ratings')).toHaveText('100,000');
  await expect(metric('final loss')).toHaveText(/^\d/);
  await expect(metric('train RMSE')).toHaveText(/^\d/);
  // The browser runs with --disable-gpu: the CPU trains, and the tab's details say why the GPU did not, once.
  await expect(preview(page).getByTestId('training-backend')).toHaveText(/^trained on wasm SIMD × \d+ workers?$/);
  await preview(page).getByTestId('training-backend').click();
  await expect(preview(page).getByTestId('training-fallback')).toHaveText(/^GPU not used: .*(WebGPU|software)/);
  await expect(markers(page, 'loss-chart')).toHaveCount(5);
  await expect(allMarkers(page, 'factor-scatter')).toHaveCount(distinctTracks());
  await preview(page).getByLabel('Colour by').selectOption({ label: 'bias (DOUBLE)' });
  await expect(preview(page).getByTestId('factor-scatter').locator('.colorbar')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/training-done.png' });

  // A long training (rank 8 trains 200 iterations in seconds; rank 100 takes minutes): the curve grows live, and
  // its one Stop stops it.
  await form(page).getByLabel('Iterations (maxIter)').fill('200');
  await form(page).getByLabel('Rank').fill('100');
  const live = preview(page).getByTestId('training-live');
  await expect(live.getByRole('status').first()).toHaveText(/^Iteration \d+ of 200$/, { timeout: 120_000 });
  await expect(markers(page, 'loss-chart').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/training-live.png' });
  await expect(preview(page).getByRole('button', { name: 'Stop', exact: true })).toHaveCount(1);
  await live.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByTestId(`block-${als}`)).toHaveAttribute('data-status', 'cancelled');
  await expect(preview(page).locator('.training-tab').getByText('Training was cancelled.')).toBeVisible();
  const stoppedAt = Number(await preview(page).getByTestId('loss-chart').getAttribute('data-points'));
  expect(stoppedAt).toBeGreaterThan(0);
  expect(stoppedAt).toBeLessThan(200);
  await page.screenshot({ path: 'test-results/screens/training-cancelled.png' });

  // The rest of the flow still runs and previews, and nothing trains the cancelled block again by itself.
  await expectAllFresh(page, [als]);
  expect(await status(page, als)).toBe('cancelled');
  await clickBlock(page, 'tidy');
  await expect(page.getByTestId('preview-row-count')).toHaveText(/[1-9][\d,]* rows/);
  await expect(page.getByTestId('preview-table').getByRole('row').nth(1)).toBeVisible();

  // "Train again" starts it afresh; cancel it once more.
  await clickBlock(page, als);
  await preview(page).getByRole('button', { name: 'Train again' }).click();
  await expect(live.getByRole('status').first()).toHaveText(/^Iteration \d+ of 200$/, { timeout: 120_000 });
  await live.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByTestId(`block-${als}`)).toHaveAttribute('data-status', 'cancelled');

  // The sample flow's evaluate block: observed × predicted as a heatmap.
  await clickBlock(page, 'als_evaluate');
  await preview(page).getByRole('tab', { name: 'Evaluation' }).click();
  await expect(preview(page).getByTestId('crosstab-heatmap').locator('.heatmaplayer')).toBeVisible();
  await expect(preview(page).getByTestId('evaluation-metrics').locator('[data-metric="exact"] dd')).toHaveText(/^[\d.<>]+%$/);
  await page.screenshot({ path: 'test-results/screens/evaluation-heatmap.png' });
});
