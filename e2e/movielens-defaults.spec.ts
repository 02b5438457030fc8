import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { addFromPalette, blocksUnderCanvasTools, canvasViewport, clickBlock, connectPorts, expectFresh, musicBlockIds, openFresh, repoRoot, studioDoc } from './helpers';

/**
 * The MovieLens task from an empty canvas, as a new user does it, accepting every default the data makes certain:
 * import movies and ratings, multi-hot the genres, join, split 70/30, train ALS, predict, evaluate, export. Each
 * click, file choice and typed value counts as one action; the README's studio section states the count.
 */

const DATA = join(repoRoot, 'sample-data', 'movielens');
const csvRows = (file: string): string[][] =>
  readFileSync(join(DATA, file), 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
const movieIds = new Set(csvRows('movies.csv').map((r) => r[0]));
/** Every rating whose movie is in movies.csv: what the join on movieId must give. */
const JOINED_ROWS = csvRows('ratings.csv').filter((r) => movieIds.has(r[1])).length;

const form = (page: Page) => page.getByTestId('inspector-block');

/** No block on the canvas shows an error code: the user has not made a mistake. */
async function expectNoErrorCode(page: Page): Promise<void> {
  await expect(page.locator('.block-node--error')).toHaveCount(0);
}

async function paramsOf(page: Page, id: string): Promise<Record<string, unknown>> {
  return (await studioDoc(page)).blocks.find((b) => b.id === id)!.params;
}

test('first launch at 1440×900: every block title reads at 11 px or more', async ({ page }) => {
  await openFresh(page);
  for (const id of musicBlockIds) await expect(page.getByTestId(`block-${id}`)).toBeAttached();
  await page.waitForTimeout(500);
  const sizes = await page.locator('.block-node__title').evaluateAll((titles) => {
    const viewport = document.querySelector('.flow-canvas .react-flow__viewport') as HTMLElement;
    const zoom = Number(/scale\(([\d.]+)\)/.exec(viewport.style.transform)?.[1] ?? 1);
    return titles.map((t) => parseFloat(getComputedStyle(t).fontSize) * zoom);
  });
  const smallest = Math.min(...sizes);
  console.log(`smallest block title at first launch: ${smallest.toFixed(2)} px over ${sizes.length} blocks`);
  expect(sizes).toHaveLength(musicBlockIds.length);
  expect(smallest).toBeGreaterThanOrEqual(11);
  await expectFresh(page, musicBlockIds);
  await page.screenshot({ path: 'test-results/screens/first-launch-1440.png' });
});

test('the MovieLens task from an empty canvas runs on inferred defaults, with no error before the user errs', async ({ page }) => {
  test.setTimeout(240_000);
  let actions = 0;
  const act = async <T,>(step: Promise<T>): Promise<T> => {
    actions += 1;
    return step;
  };

  await openFresh(page);
  await expectFresh(page, musicBlockIds);
  await act(page.getByRole('button', { name: 'New', exact: true }).click());

  const chooser = page.waitForEvent('filechooser');
  await act(page.getByRole('button', { name: 'Import data…' }).click());
  await act((await chooser).setFiles(['movies.csv', 'ratings.csv'].map((f) => join(DATA, f))));
  await expect(page.locator('.react-flow__node')).toHaveCount(2);
  const imports = (await studioDoc(page)).blocks;
  const movies = imports.find((b) => b.params.input === 'movies')!.id;
  const ratings = imports.find((b) => b.params.input === 'ratings')!.id;
  await expectFresh(page, [movies, ratings]);
  await expect(page.getByTestId(`block-${movies}`).locator('.block-node__title')).toHaveText('movies.csv');

  // The two imports arrive selected together: a click on an empty spot, then on movies.csv, selects it alone.
  const { width } = await canvasViewport(page);
  await act(page.locator('.flow-canvas .react-flow__pane').click({ position: { x: width - 20, y: 15 } }));
  await act(clickBlock(page, movies));
  const multiHot = await act(addFromPalette(page, 'multi-hot', { after: true }));
  await expectFresh(page, [multiHot]);
  expect((await paramsOf(page, multiHot)).column).toBe('genres');
  await expect(page.getByTestId(`block-${multiHot}`).locator('.block-node__title')).toHaveText('Multi-hot genres');
  await expectNoErrorCode(page);

  const joined = await act(addFromPalette(page, 'join', { after: true }));
  await expectNoErrorCode(page);
  await page.waitForTimeout(300);
  await act(connectPorts(page, { block: ratings, port: 'out' }, { block: joined, port: 'right' }));
  await expectFresh(page, [joined]);
  expect((await paramsOf(page, joined)).keys).toEqual([{ left: 'movieId', right: 'movieId' }]);
  expect((await page.evaluate((id) => (window as unknown as { __wrangle: { getRuntime(): Record<string, { rows?: number }> } }).__wrangle.getRuntime()[id]?.rows, joined))).toBe(JOINED_ROWS);
  await expect(page.getByTestId(`block-${joined}`).locator('.block-node__title')).toHaveText('Join on movieId');
  await expect(page.locator('.preview-title')).toHaveText('Join on movieId');
  await expectNoErrorCode(page);

  const split = await act(addFromPalette(page, 'split', { after: true }));
  await act(form(page).getByRole('group', { name: 'Output 1' }).getByLabel('Fraction').fill('0.7'));
  await act(form(page).getByRole('group', { name: 'Output 2' }).getByLabel('Fraction').fill('0.3'));
  await expect.poll(async () => (await paramsOf(page, split)).outputs).toEqual([{ name: 'train', fraction: 0.7 }, { name: 'test', fraction: 0.3 }]);
  await expectFresh(page, [split]);

  const als = await act(addFromPalette(page, 'train-als', { after: true }));
  await expectFresh(page, [als]);
  const alsParams = await paramsOf(page, als);
  expect([alsParams.userColumn, alsParams.itemColumn, alsParams.ratingColumn]).toEqual(['userId', 'movieId_0', 'rating']);
  await expectNoErrorCode(page);

  const predict = await act(addFromPalette(page, 'predict', { after: true }));
  await expectNoErrorCode(page);
  await page.waitForTimeout(300);
  await act(connectPorts(page, { block: split, port: 'test' }, { block: predict, port: 'data' }));
  await expectFresh(page, [predict]);
  // Predict says how many test rows it could not score (a user or movie only in the test split) and dropped.
  await expect(page.getByTestId('cold-start-note')).toHaveText(/^([\d,]+ of [\d,]+ rows had a user or item the model never saw \(a cold start\) and (was|were) dropped|Every row had .* scored)\.$/);

  const evaluate = await act(addFromPalette(page, 'evaluate', { after: true }));
  await expectFresh(page, [evaluate]);
  await expect.poll(async () => {
    const p = await paramsOf(page, evaluate);
    return [p.ratingColumn, p.min, p.max, p.step];
  }).toEqual(['rating', 0.5, 5, 0.5]);
  await expectFresh(page, [evaluate]);

  const exported = await act(addFromPalette(page, 'export', { after: true }));
  await expectFresh(page, [exported]);
  await expectNoErrorCode(page);

  const doc = await studioDoc(page);
  expect(doc.blocks).toHaveLength(9);
  expect(doc.edges).toHaveLength(10);
  console.log(`MovieLens task from an empty canvas: ${actions} actions`);
  await page.screenshot({ path: 'test-results/screens/movielens-finished-1440.png' });
  // The README's studio section states this count: raise it only with a reason there.
  expect(actions).toBeLessThanOrEqual(16);

  // The zoom buttons and the overview map cover none of the new blocks, as built and once fitted with the blocks
  // panel folded away for room.
  expect(await blocksUnderCanvasTools(page)).toEqual([]);
  await page.getByRole('button', { name: 'Blocks panel' }).click();
  await page.getByRole('button', { name: 'Fit View' }).click();
  await page.waitForTimeout(400);
  expect(await blocksUnderCanvasTools(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/movielens-finished-fitted-1440.png' });
});
