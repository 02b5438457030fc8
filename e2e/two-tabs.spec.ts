import { expect, test, type Page } from '@playwright/test';
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

test('two tabs on one flow never overwrite each other silently', async ({ context }) => {
  const tabA = await context.newPage();
  await openFresh(tabA);
  await ready(tabA);
  const tabB = await context.newPage();
  await tabB.goto('/');
  await ready(tabB);

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
  const tabA = await context.newPage();
  await openFresh(tabA);
  await ready(tabA);
  const tabB = await context.newPage();
  await tabB.goto('/');
  await ready(tabB);

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
