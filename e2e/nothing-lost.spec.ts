import { expect, test, type Page } from '@playwright/test';
import { clickBlock, expectFresh, musicBlockIds, openFresh, type StudioHooks } from './helpers';

declare global {
  interface Window {
    __wrangle: StudioHooks;
  }
}

const getDoc = (page: Page) => page.evaluate(() => window.__wrangle.getDoc());

test('an edit survives a reload', async ({ page }) => {
  await openFresh(page);
  await expectFresh(page, musicBlockIds);
  await clickBlock(page, 'danceability');
  await page.getByLabel('Expression').fill('0.5*valence + 0.1*liveness');
  await expect(page.getByText('Saved', { exact: false }).first()).toBeVisible();
  await page.waitForTimeout(1500);
  await page.reload();
  await expect(page.getByTestId('block-danceability')).toBeVisible();
  const doc = (await getDoc(page)) as { blocks: { id: string; params: { expression?: string } }[] };
  expect(doc.blocks.find((b) => b.id === 'danceability')!.params.expression).toBe('0.5*valence + 0.1*liveness');
  await expectFresh(page, ['danceability', 'split']);
});

test('undo and redo return the exact earlier documents', async ({ page }) => {
  await openFresh(page);
  await expectFresh(page, musicBlockIds);
  const before = await getDoc(page);
  await clickBlock(page, 'danceability');
  await page.getByLabel('Expression').fill('valence');
  await expect.poll(async () => JSON.stringify(await getDoc(page))).not.toBe(JSON.stringify(before));
  const after = await getDoc(page);
  await page.locator('.react-flow__pane').click();
  await page.keyboard.press('Control+z');
  await expect.poll(() => getDoc(page)).toEqual(before);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => getDoc(page)).toEqual(after);
});

test('killing the engine mid-query recovers, and the next preview works', async ({ page }) => {
  await openFresh(page);
  await expectFresh(page, musicBlockIds);
  await clickBlock(page, 'danceability');
  await page.getByLabel('Expression').fill('0.2*valence + 0.2*energy');
  // Kill while the edited branch recomputes.
  await page.evaluate(() => window.__wrangle.killEngine());
  await expect(page.getByText(/engine restarted/i).first()).toBeVisible();
  await expectFresh(page, musicBlockIds);
  await clickBlock(page, 'split');
  await expect(page.getByTestId('preview-row-count')).toHaveText(/[1-9][\d,]* rows/);
});
