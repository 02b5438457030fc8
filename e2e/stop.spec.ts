import { expect, test, type Page } from '@playwright/test';
import { clickBlock, expectFresh, musicBlockIds, openFresh, type StudioHooks } from './helpers';

/** A formula that keeps DuckDB busy for minutes: a sum over fifty billion generated rows. */
const ENDLESS = '(SELECT sum(range % 7) FROM range(50000000000)) + valence';
const downstreamOfDanceability = ['danceability', 'join_tracks', 'five_star_avg', 'drop_ids', 'join_users', 'tidy', 'split', 'export_train', 'export_test'];
const others = musicBlockIds.filter((id) => !downstreamOfDanceability.includes(id));

/** Counts the workers the page starts and terminates: the engine's worker is one of them (duckdb-wasm's nests in it). */
async function countWorkers(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const counts = { made: 0, terminated: 0 };
    const Native = window.Worker;
    window.Worker = class extends Native {
      constructor(...args: ConstructorParameters<typeof Worker>) {
        super(...args);
        counts.made++;
      }
      override terminate(): void {
        counts.terminated++;
        super.terminate();
      }
    };
    Object.assign(window, { __workers: counts });
  });
}

const workers = (page: Page) => page.evaluate(() => ({ ...(window as unknown as { __workers: { made: number; terminated: number } }).__workers }));

/** Records every status other than `fresh` that any of `ids` shows from now on, in the runtime state and on the canvas. */
function watchStatuses(page: Page, ids: readonly string[]): Promise<void> {
  return page.evaluate((watched) => {
    const seen: string[] = [];
    const note = (id: string, status: string | null | undefined) => {
      if (status !== 'fresh') seen.push(`${id}: ${status}`);
    };
    new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target as HTMLElement;
        const id = el.dataset.testid?.replace(/^block-/, '');
        if (id && watched.includes(id)) note(id, el.getAttribute('data-status'));
      }
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-status'] });
    const hooks = (window as unknown as { __wrangle: StudioHooks }).__wrangle;
    setInterval(() => {
      const runtime = hooks.getRuntime();
      for (const id of watched) note(id, runtime[id]?.status);
    }, 5);
    Object.assign(window, { __notFresh: seen });
  }, ids);
}

const notFresh = (page: Page) => page.evaluate(() => [...new Set((window as unknown as { __notFresh: string[] }).__notFresh)]);

test('Stop cancels a long query in place: the engine keeps its worker and every finished preview, and the stopped block waits to be run again', async ({ page }, testInfo) => {
  const note = (type: string, ms: number) => {
    // Recorded for the reader; the bench holds timed figures (a shared machine makes a timed assertion flaky).
    testInfo.annotations.push({ type, description: `${Math.round(ms)} ms` });
    console.log(`${type}: ${Math.round(ms)} ms`);
  };
  await countWorkers(page);
  await openFresh(page);
  await expectFresh(page, musicBlockIds);
  const before = await workers(page);
  await clickBlock(page, 'danceability');
  const expression = page.getByLabel('Expression');
  // The usual time of an edit's preview, to compare with the edit after the Stop.
  let edited = Date.now();
  await expression.fill('0.3*valence + 0.1*liveness + 0.2*energy');
  await expectFresh(page, ['danceability']);
  note('an edit previews (before Stop) after', Date.now() - edited);
  await expectFresh(page, downstreamOfDanceability);

  await watchStatuses(page, others);
  await expression.fill(ENDLESS);
  const stop = page.getByRole('button', { name: 'Stop', exact: true });
  await expect(stop).toBeVisible();
  await expect(page.getByTestId('block-danceability')).toHaveAttribute('data-status', 'running');
  const clicked = Date.now();
  await stop.click();
  await expect(page.getByTestId('block-danceability')).toHaveAttribute('data-status', 'cancelled');
  note('Stop click → block shows stopped', Date.now() - clicked);
  // The engine cancelled its query: it says so, and says nothing of a restart.
  await expect(page.getByText(/^Stopped\. The blocks that had finished keep their previews/).first()).toBeVisible();
  note('Stop click → engine cancelled the query', Date.now() - clicked);

  for (const id of downstreamOfDanceability) await expect(page.getByTestId(`block-${id}`)).toHaveAttribute('data-status', 'cancelled');
  await expect(page.getByTestId('block-split')).toContainText('stopped');
  const notice = page.getByRole('status').filter({ hasText: 'You stopped this block before it finished.' });
  await expect(notice).toBeVisible();
  await expect(expression).toHaveValue(ENDLESS);
  await expectFresh(page, others);
  // An untouched block's preview is there at once: nothing was recomputed.
  const asked = Date.now();
  await clickBlock(page, 'tracks');
  await expect(page.getByTestId('preview-row-count')).toHaveText(/[1-9][\d,]* rows/);
  note('preview of an untouched block after Stop', Date.now() - asked);
  await page.waitForTimeout(1500);
  expect(await notFresh(page)).toEqual([]);
  expect(await workers(page)).toEqual(before);
  await expect(page.getByText(/engine restarted/i)).toHaveCount(0);

  // Editing the block lets it run again: fixed, it computes, with everything it feeds, in the usual time.
  await clickBlock(page, 'danceability');
  edited = Date.now();
  await expression.fill('0.3*valence + 0.1*liveness + 0.1*energy');
  await expectFresh(page, ['danceability']);
  note('an edit previews (after Stop) after', Date.now() - edited);
  await expectFresh(page, downstreamOfDanceability);
  await expect(page.getByTestId('preview-row-count')).toHaveText(/[1-9][\d,]* rows/);
  expect(await notFresh(page)).toEqual([]);
  expect(await workers(page)).toEqual(before);
});

test('"Run again" recomputes a stopped block', async ({ page }) => {
  await openFresh(page);
  await expectFresh(page, musicBlockIds);
  await clickBlock(page, 'split');
  await clickBlock(page, 'danceability');
  await page.getByLabel('Expression').fill(ENDLESS);
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByTestId('block-danceability')).toHaveAttribute('data-status', 'cancelled');
  await expectFresh(page, others);
  // Running the endless formula again must be stoppable again; the split below it waits meanwhile.
  await page.getByRole('button', { name: 'Run again', exact: true }).click();
  await expect(page.getByTestId('block-danceability')).toHaveAttribute('data-status', 'running');
  await expect(page.getByTestId('block-split')).not.toHaveAttribute('data-status', 'fresh');
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByTestId('block-danceability')).toHaveAttribute('data-status', 'cancelled');
  await expect(page.getByTestId('block-split')).toHaveAttribute('data-status', 'cancelled');
});
