/** The flows the core bench runs, written to a temporary folder: the music workshop, and its single-pass floor. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Doc {
  blocks: { id: string; kind: string; params?: unknown }[];
  edges: { from: { block: string; port: string }; to: { block: string; port: string } }[];
}

const folder = mkdtempSync(join(tmpdir(), 'wrangle-bench-flow-'));
const write = (name: string, doc: Doc) => {
  const file = join(folder, name);
  writeFileSync(file, JSON.stringify(doc));
  return file;
};

/** The music flow without its model branch (the ALS blocks and the exports they feed). */
function workshop(path: string): Doc {
  const doc = JSON.parse(readFileSync(path, 'utf8')) as Doc;
  const dropped = new Set(doc.blocks.filter((b) => b.id.startsWith('als_')).map((b) => b.id));
  for (let grew = true; grew; ) {
    grew = false;
    for (const e of doc.edges) {
      if (!dropped.has(e.from.block) || dropped.has(e.to.block)) continue;
      dropped.add(e.to.block);
      grew = true;
    }
  }
  return { ...doc, blocks: doc.blocks.filter((b) => !dropped.has(b.id)), edges: doc.edges.filter((e) => !dropped.has(e.to.block)) };
}

/**
 * The workshop up to its split, exported once, unsorted: every row computed once and written once, with no split,
 * no second file and no sort. What is left of a run's time above this is the price of two byte-identical files.
 */
function singlePass(doc: Doc): Doc {
  const split = doc.blocks.find((b) => b.kind === 'split');
  const feed = doc.edges.find((e) => e.to.block === split?.id);
  if (!split || !feed) throw new Error('the music flow has no split to stop at');
  const gone = new Set([split.id, ...doc.edges.filter((e) => e.from.block === split.id).map((e) => e.to.block)]);
  return {
    ...doc,
    blocks: [...doc.blocks.filter((b) => !gone.has(b.id)), { id: 'export_all', kind: 'export', params: { file: 'all.csv', order: 'none' } }],
    edges: [...doc.edges.filter((e) => !gone.has(e.to.block)), { from: feed.from, to: { block: 'export_all', port: 'in' } }],
  };
}

export function benchFlows(musicFlowPath: string): { workshop: string; singlePass: string } {
  const doc = workshop(musicFlowPath);
  return { workshop: write('music-workshop.flow.json', doc), singlePass: write('music-single-pass.flow.json', singlePass(doc)) };
}
