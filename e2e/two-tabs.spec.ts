import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { expectFresh, openFresh } from './helpers';

/** The flow name in the autosave slot, read straight from IndexedDB as the next page load would. */
function storedFlowName(page: Page): Promise<string | undefined> {
  return page.evaluate(
    () =>
      new Promise<string | undefined>((resolve, reject) => {
        const opening = indexedDB.open('wrangle-studio');
        opening.onerror = () => reject(opening.error ?? new Error('IndexedDB did not open'));
        opening.onsuccess = () => {
          const db = opening.result;
          if (!db.objectStoreNames.contains('autosave')) {
            db.close();
            resolve(undefined);
            return;
          }
          const read = db.transaction('autosave').objectStore('autosave').get('current');
          read.onerror = () => reject(read.error ?? new Error('IndexedDB read failed'));
          read.onsuccess = () => {
            db.close();
            const record = read.result as { flow?: string } | undefined;
            resolve(record?.flow === undefined ? undefined : (JSON.parse(record.flow) as { name: string }).name);
          };
        };
      }),
  );
}

async function rename(page: Page, name: string): Promise<void> {
  const field = page.getByLabel('Flow name', { exact: true });
  await field.fill(name);
  await field.press('Enter');
}

/** Autosave starts once the first run is under way: a fresh first block says so. */
async function ready(page: Page): Promise<void> {
  await expectFresh(page, ['danceability']);
}

const saveStatus = (page: Page) => page.locator('.topbar__save');

/** Two tabs of the studio on one clean profile, both showing the sample flow with its first block previewed. */
async function openTwoTabs(context: BrowserContext): Promise<[Page, Page]> {
  const first = await context.newPage();
  await openFresh(first);
  await ready(first);
  const second = await context.newPage();
  await second.goto('/');
  await ready(second);
  return [first, second];
}

test('two tabs on one flow never overwrite each other silently', async ({ context }) => {
  const [tabA, tabB] = await openTwoTabs(context);

  await rename(tabA, 'Named in tab A');
  await expect.poll(() => storedFlowName(tabA)).toBe('Named in tab A');
  await expect(saveStatus(tabA)).toHaveText('Saved');

  await rename(tabB, 'Named in tab B');
  const question = tabB.getByRole('alert').filter({ hasText: 'This flow was changed in another tab.' });
  await expect(question).toBeVisible();
  await expect(saveStatus(tabB)).not.toHaveText('Saved');
  expect(await storedFlowName(tabB)).toBe('Named in tab A');
  await expect(tabB.getByLabel('Flow name', { exact: true })).toHaveValue('Named in tab B');

  await question.getByRole('button', { name: 'Keep mine' }).click();
  await expect(saveStatus(tabB)).toHaveText('Saved');
  expect(await storedFlowName(tabB)).toBe('Named in tab B');

  await tabA.reload();
  await expect(tabA.getByLabel('Flow name', { exact: true })).toHaveValue('Named in tab B');
});

test('"Load theirs" brings the other tab\'s version in, and undo brings this tab\'s back', async ({ context }) => {
  const [tabA, tabB] = await openTwoTabs(context);

  await rename(tabA, 'Theirs');
  await expect.poll(() => storedFlowName(tabA)).toBe('Theirs');
  await rename(tabB, 'Mine');
  const question = tabB.getByRole('alert').filter({ hasText: 'This flow was changed in another tab.' });
  await question.getByRole('button', { name: 'Load theirs' }).click();
  await expect(tabB.getByLabel('Flow name', { exact: true })).toHaveValue('Theirs');
  await expect(saveStatus(tabB)).toHaveText('Saved');
  await tabB.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(tabB.getByLabel('Flow name', { exact: true })).toHaveValue('Mine');
});

test('a reload one second after an edit keeps the edit', async ({ page }) => {
  await openFresh(page);
  await ready(page);
  await rename(page, 'Renamed just before the reload');
  // The promise is at most one second of lost work: reload one second after the edit, without waiting for "Saved".
  await page.waitForTimeout(1000);
  await page.reload();
  await expect(page.getByLabel('Flow name', { exact: true })).toHaveValue('Renamed just before the reload');
});

test('an edit made while the engine is still starting is autosaved, with the bundled data', async ({ page }) => {
  await openFresh(page);
  await ready(page);
  await page.evaluate(() => new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase('wrangle-studio');
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  }));
  // Hold DuckDB's WebAssembly back, so the edit lands before the engine exists and before the first run.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/duckdb-[a-z]+-[^/]*\.wasm$/, async (route) => {
    await held;
    // The reload below abandons this request; continuing it then is refused, which is fine.
    await route.continue().catch(() => undefined);
  });
  await page.reload();
  await expect(page.getByTestId('block-danceability')).toBeVisible();
  await expect(page.getByTestId('block-danceability')).not.toHaveAttribute('data-status', 'fresh');
  await rename(page, 'Renamed before the first run');
  await expect.poll(() => storedFlowName(page)).toBe('Renamed before the first run');
  await page.unroute(/duckdb-[a-z]+-[^/]*\.wasm$/);
  release();
  await page.reload();
  await expect(page.getByLabel('Flow name', { exact: true })).toHaveValue('Renamed before the first run');
  // The inputs were still the bundled sample files: they come back by themselves, and every block previews.
  await expect(page.getByRole('region', { name: 'Files the flow needs' })).toHaveCount(0);
  await ready(page);
});

test('an idle tab hears at once that another tab saved, and is asked before it writes', async ({ context }) => {
  const [tabA, idle] = await openTwoTabs(context);

  await rename(tabA, 'Saved by tab A');
  await expect.poll(() => storedFlowName(tabA)).toBe('Saved by tab A');
  // No edit in the idle tab: the question comes from tab A's announcement.
  const question = idle.getByRole('alert').filter({ hasText: 'This flow was changed in another tab.' });
  await expect(question).toBeVisible();
  await expect(saveStatus(idle)).toHaveText('Saved');
  await question.getByRole('button', { name: 'Load theirs' }).click();
  await expect(idle.getByLabel('Flow name', { exact: true })).toHaveValue('Saved by tab A');
});
