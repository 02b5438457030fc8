import { expect, test } from '@playwright/test';
import { clickBlock, expectFresh, musicBlockIds, openFresh } from './helpers';

test('a formula typo marks only its branch, shows the code, and fixing it clears the error', async ({ page }) => {
  await openFresh(page);
  await expectFresh(page, musicBlockIds);
  await clickBlock(page, 'danceability');
  const expression = page.getByLabel('Expression');
  const original = await expression.inputValue();
  await expression.fill('0.3*valence + 0.1*liveness +');
  const block = page.getByTestId('block-danceability');
  await expect(block).toHaveAttribute('data-status', 'error');
  await expect(block).toContainText('E_FORMULA_SYNTAX');
  await expect(page.getByTestId('inspector-error')).toContainText('E_FORMULA_SYNTAX');
  // The other branch keeps previewing.
  await expect(page.getByTestId('block-ratings')).toHaveAttribute('data-status', 'fresh');
  await clickBlock(page, 'ratings');
  await expect(page.getByTestId('preview-row-count')).toHaveText(/100,000 rows/);
  await page.screenshot({ path: 'test-results/screens/formula-error.png' });

  await clickBlock(page, 'danceability');
  await page.getByLabel('Expression').fill(original);
  await expectFresh(page, ['danceability', 'split']);
  await expect(page.getByTestId('block-danceability')).not.toContainText('E_FORMULA_SYNTAX');
});
