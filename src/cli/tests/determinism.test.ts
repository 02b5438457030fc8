import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateMusicSet, scaledMusicSize } from '../../../scripts/gen-data/music';
import { runCli } from '../../testing/run-cli';
import { musicFlow, writeFlow, type FlowJson } from './flow-variants';

/** The music flow's workshop part: every block up to the train/test exports, without the model branch. */
function workshopFlow(): FlowJson {
  const flow = musicFlow();
  const kept = (id: string) => !id.startsWith('als_') && !['export_metrics', 'export_recommendations', 'export_item_factors', 'export_user_factors'].includes(id);
  return { ...flow, blocks: flow.blocks.filter((b) => kept(b.id)), edges: flow.edges.filter((e) => kept(e.from.block) && kept(e.to.block)) };
}

// Data the committed goldens do not cover (another seed), so the order is checked on rows no golden has seen.
describe('wrangle run writes byte-identical files on one thread and on two', () => {
  let data: string;
  const flow = writeFlow(workshopFlow());

  beforeAll(async () => {
    data = mkdtempSync(join(tmpdir(), 'wrangle-determinism-'));
    await generateMusicSet({ seed: 7, ...scaledMusicSize(100_000), outDir: data });
  }, 120_000);

  it.each(['csv', 'parquet'] as const)('%s', async (format) => {
    const outs = [1, 2].map((threads) => join(flow.dir, `${format}-${threads}`));
    const runs = await Promise.all(
      [1, 2].map((threads, i) => runCli(['run', flow.path, '--data', data, '--out', outs[i]!, '--format', format, '--threads', String(threads), '--json'])),
    );
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const rows = (JSON.parse(runs[0]!.stdout) as { outputs: { rows: number }[] }).outputs.reduce((n, o) => n + o.rows, 0);
    expect(rows).toBeGreaterThan(90_000);
    for (const file of [`train.${format}`, `test.${format}`]) {
      expect(readFileSync(join(outs[0]!, file)).equals(readFileSync(join(outs[1]!, file))), file).toBe(true);
    }
  }, 240_000);
});
