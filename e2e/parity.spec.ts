import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { expectFresh, golden, musicBlockIds, openFresh, repoRoot, sha256 } from './helpers';

const fixtures = JSON.parse(readFileSync(join(repoRoot, 'sample-data', 'flows', 'fixtures.json'), 'utf8')) as { flows: { flow: string; data: string }[] };

for (const { flow } of fixtures.flows) {
  test(`parity: ${flow} gives the CLI's goldens in the browser`, async ({ page }) => {
    await openFresh(page);
    await expectFresh(page, musicBlockIds);
    const doc = JSON.parse(readFileSync(join(repoRoot, 'sample-data', 'flows', flow), 'utf8')) as { blocks: { id: string; kind: string; params: { file?: string } }[] };
    const expected = golden(flow);
    for (const block of doc.blocks.filter((b) => b.kind === 'export')) {
      await page.getByTestId(`block-${block.id}`).click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-export').click()]);
      expect(download.suggestedFilename()).toBe(block.params.file);
      const bytes = readFileSync((await download.path())!);
      expect(sha256(bytes), block.params.file).toBe(expected[block.params.file!]!.sha256);
    }
  });
}
