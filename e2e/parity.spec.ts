import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { fixtureFlows, goldenPath, matchesGolden, type GoldenOutput } from '../src/testing/goldens';
import { clickBlock, expectFresh, openFlowFile, openFresh, provideInputs, readFixtureFlow, repoRoot, type FixtureFlow } from './helpers';

/** The flow's inputs, each once, with the file name its import expects. */
function inputsOf(flow: FixtureFlow): { name: string; file: string }[] {
  const byName = new Map<string, string>();
  for (const b of flow.blocks) if (b.kind === 'import' && !byName.has(b.params.input!)) byName.set(b.params.input!, b.params.file!);
  return [...byName].map(([name, file]) => ({ name, file }));
}

/** Downloads each export block's file, as the CLI writes it, and compares it with the CLI's golden. */
async function expectGoldenExports(page: Page, flow: FixtureFlow, flowFile: string, dir: string): Promise<void> {
  const goldens = JSON.parse(readFileSync(goldenPath(flowFile), 'utf8')) as Record<string, GoldenOutput>;
  const exports = flow.blocks.filter((b) => b.kind === 'export');
  expect(exports.map((b) => b.params.file).sort()).toEqual(Object.keys(goldens).sort());
  for (const block of exports) {
    const file = block.params.file!;
    await clickBlock(page, block.id);
    const button = page.getByTestId('download-export');
    await expect(button).toBeEnabled();
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe(file);
    const path = join(dir, file);
    await download.saveAs(path);
    // CSV byte for byte (size and sha-256), JSON by value (1e-6 relative), Parquet by rows and columns.
    const { ok, actual } = await matchesGolden(path, goldens[file]!);
    if (!ok) expect(actual, `${flowFile}: ${file}`).toEqual(goldens[file]);
  }
}

for (const { flow: flowFile, data } of fixtureFlows()) {
  test(`parity: ${flowFile} on ${data} gives the CLI's goldens in the browser`, async ({ page }, testInfo) => {
    test.setTimeout(150_000);
    const flow = readFixtureFlow(flowFile);
    const ids = flow.blocks.map((b) => b.id);
    await openFresh(page);
    if (flowFile === 'music-recommendation.flow.json') {
      // First launch loads this very flow on the bundled music data: nothing to open or choose.
      await expectFresh(page, ids);
    } else {
      // The sample flow is on the canvas: open the fixture over it, and give it its data when asked by name.
      // (Its bundled files are registered before its first block computes: wait for that, so they are not
      // registered after the open, for the opened flow.)
      await expectFresh(page, ['tracks']);
      await openFlowFile(page, join(repoRoot, 'sample-data', 'flows', flowFile));
      for (const id of ids) await expect(page.getByTestId(`block-${id}`)).toBeVisible();
      await provideInputs(page, join(repoRoot, 'sample-data', data), inputsOf(flow));
      await expectFresh(page, ids, 120_000);
    }
    const dir = testInfo.outputPath('browser');
    mkdirSync(dir, { recursive: true });
    await expectGoldenExports(page, flow, flowFile, dir);
  });
}
