import { expect, test } from '@playwright/test';
import { clickBlock, expectFresh, musicBlockIds, openFresh } from './helpers';

test('first launch: the music flow is on the canvas and every block, its models included, previews', async ({ page }) => {
  await openFresh(page);
  for (const id of musicBlockIds) await expect(page.getByTestId(`block-${id}`)).toBeVisible();
  await expectFresh(page, musicBlockIds);
  const dataTab = page.locator('.preview-panel').getByRole('tab', { name: 'Data', exact: true });
  for (const id of musicBlockIds) {
    await clickBlock(page, id);
    // A training block opens on its Training tab: its rows (the user factors) are on the Data tab.
    await dataTab.click();
    // The evaluation's metrics are one row.
    await expect(page.getByTestId('preview-row-count')).toHaveText(/^[1-9][\d,]* rows?$/);
    await expect(page.getByTestId('preview-table').getByRole('row').nth(1)).toBeVisible();
  }
  await page.screenshot({ path: 'test-results/screens/canvas-preview.png' });

  await clickBlock(page, 'join_tracks');
  await page.getByRole('tab', { name: 'Profile' }).click();
  await expect(page.getByTestId('profile-view')).toBeVisible();
  await expect(page.locator('[data-testid^="profile-histogram-"]').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/profile.png' });
  // A few whole numbers get a bar each: the ratings' 1–5 stars are five bars, not 20 bins with gaps.
  await clickBlock(page, 'ratings');
  const stars = page.getByTestId('profile-histogram-Rating');
  await expect(stars).toHaveAttribute('aria-label', 'Histogram of Rating, from 1 to 5');
  await expect(stars.locator('rect')).toHaveCount(5);
  await stars.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/profile-whole-numbers.png' });

  await page.getByRole('tab', { name: 'Chart' }).click();
  await expect(page.getByTestId('chart-view')).toBeVisible();
  // plotly loads lazily; wait for its SVG before the screenshot.
  await expect(page.getByTestId('chart-view').locator('.main-svg').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/chart.png' });
});
