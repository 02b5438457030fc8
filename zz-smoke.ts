import { tableFromIPC } from 'apache-arrow';
import { createEngineClient } from './src/ui/engine/engine-client';
import { parseFlow } from './src/engine/flow/parse';

const out: Record<string, unknown> = {};
const hex = async (b: Uint8Array) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', b as Uint8Array<ArrayBuffer>))].map((x) => x.toString(16).padStart(2, '0')).join('');
(async () => {
  const t0 = performance.now();
  const engine = createEngineClient();
  out.version = await engine.init();
  out.initMs = performance.now() - t0;
  const flow = parseFlow(await (await fetch('/sample-data/flows/music-recommendation.flow.json')).text());
  for (const f of ['tracks', 'ratings']) {
    const b = await (await fetch(`/sample-data/music/${f}.csv`)).arrayBuffer();
    await engine.registerFile(f, `${f}.csv`, new File([b], `${f}.csv`, { lastModified: 1 }));
  }
  const streamed: string[] = [];
  const t1 = performance.now();
  const r = await engine.runFlow(flow, 1, (s) => streamed.push(`${s.blockId}:${s.status}:${s.rows}`));
  out.runMs = performance.now() - t1;
  out.streamed = streamed;
  out.errors = r.blocks.filter((b) => b.error).map((b) => b.error);
  const train = await engine.exportFile('export_train');
  out.train = { name: train.fileName, bytes: train.bytes.length, sha: await hex(train.bytes) };
  const page = await engine.preview({ blockId: 'tidy', port: 'out', offset: 10, limit: 5, sort: [{ column: 'Rating', descending: true }] });
  out.preview = { total: page.totalRows, rows: tableFromIPC(page.arrow).numRows };
  const t2 = performance.now();
  const prof = await engine.profile('ratings', 'out');
  out.profileMs = performance.now() - t2;
  out.profile = { rows: prof.rows, dup: prof.duplicateRows, sparsity: prof.sparsity, cols: prof.columns.length };
  out.chart = await engine.chart({ blockId: 'tidy', port: 'out', kind: 'scatter', x: 'energy', y: 'valence', limit: 5 });
  out.csv = (await engine.download('five_star_avg', 'out', 'csv')).length;
  out.parquet = (await engine.download('five_star_avg', 'out', 'parquet')).length;
  await engine.restart('test-hook');
  const again = await engine.runFlow(flow, 2);
  out.afterRestart = again.blocks.map((b) => `${b.blockId}:${b.status}:${b.cached ?? false}`);
  out.done = true;
})().catch((e: unknown) => {
  out.error = e instanceof Error ? `${e.name}: ${e.message}` : JSON.stringify(e);
}).finally(() => {
  (window as unknown as { __out: unknown }).__out = out;
});
