/** The flows the core bench runs, written to a temporary folder: the music workshop, and the reference runs beside it. */
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

/** The ratings' own id: unique, and in file order, in the generated data (scripts/gen-data). */
const ROW_ID = 'ratingEventId';
const ID = `"${ROW_ID}"`;

type Block = Doc['blocks'][number];

/** The flow with the ratings' id kept to the end: no column-dropping block drops it. */
function keepingRowId(doc: Doc): Doc {
  const keep = (b: Block): Block => {
    if (b.kind !== 'manage-columns') return b;
    const params = b.params as { operations: { op: string; columns?: string[] }[] };
    const operations = params.operations.map((o) => (o.op === 'drop' ? { ...o, columns: (o.columns ?? []).filter((c) => c !== ROW_ID) } : o));
    return { ...b, params: { ...params, operations } };
  };
  return { ...doc, blocks: doc.blocks.map(keep) };
}

/** An export that keeps the order of what it reads (`order: 'none'`); other blocks as they are. */
const keepingOrder = (b: Block): Block => (b.kind === 'export' ? { ...b, params: { ...(b.params as object), order: 'none' } } : b);

/** Each export reads through a SQL block of its own (`query(df)`) and keeps that block's order. */
function exportingThrough(doc: Doc, query: string): Doc {
  const exports = doc.blocks.filter((b) => b.kind === 'export');
  const via = (id: string) => `${id}_order`;
  return {
    ...doc,
    blocks: [
      ...doc.blocks.map(keepingOrder),
      ...exports.map((b) => ({ id: via(b.id), kind: 'sql', params: { query, inputs: ['df'] } })),
    ],
    edges: doc.edges.flatMap((e) =>
      exports.some((b) => b.id === e.to.block)
        ? [
            { from: e.from, to: { block: via(e.to.block), port: 'df' } },
            { from: { block: via(e.to.block), port: 'out' }, to: e.to },
          ]
        : [e],
    ),
  };
}

/**
 * The single pass with what certainty adds and no byte-identical run can avoid: every row's seeded split unit (the
 * split's own expression, `unit`), and one sort of every row. DuckDB keeps no row order through a join, so a certain
 * order after one is a sort. The sort key is the cheapest a certain one could be: a row identity that costs nothing
 * to make and that the joins leave nearly in order, the ratings' own id, kept to the end (the flow drops it). At 1M
 * it sorted faster than every key of the row's values tried: every column, a 64-bit hash of the row, even the
 * 5-valued Rating. A run of the whole flow cannot go under this.
 */
function sortedPass(single: Doc, unit: string): Doc {
  return exportingThrough(keepingRowId(single), `SELECT * EXCLUDE (${ID}), (${unit}) < 0.8 AS "in_train" FROM df ORDER BY ${ID}`);
}

/**
 * The workshop with the cheapest identity there could be: the split as Wrangle runs it, each export sorted by the
 * ratings' own id (one column, nearly in order). Wrangle's own identity (src/engine/blocks/row-identity.ts) is the
 * ratings' row, then the track's and the user's, so this is the bound it comes near.
 */
function idOrdered(workshopDoc: Doc): Doc {
  return exportingThrough(keepingRowId(workshopDoc), `SELECT * EXCLUDE (${ID}) FROM df ORDER BY ${ID}`);
}

/**
 * The other shape a byte-identical run could take, at its best: no table for the split, each export computing the
 * flow on its own (every block but the imports copied per export), keeping its part of the rows (`unit`, as the
 * split does) and sorting them by the ratings' id. DuckDB writes one file per statement, so two certain files are
 * either two such statements or a table both read (idOrdered).
 */
function computedTwice(workshopDoc: Doc, unit: string): Doc {
  const doc = keepingRowId(workshopDoc);
  const split = doc.blocks.find((b) => b.kind === 'split')!;
  const shared = new Set(doc.blocks.filter((b) => b.kind === 'import').map((b) => b.id));
  const chain = doc.blocks.filter((b) => !shared.has(b.id) && b.kind !== 'split' && b.kind !== 'export');
  const inChain = new Set(chain.map((b) => b.id));
  const parts = doc.edges.filter((e) => e.from.block === split.id).map((e) => ({ port: e.from.port, to: e.to }));
  const feed = doc.edges.find((e) => e.to.block === split.id)!;
  const blocks: Block[] = doc.blocks.filter((b) => shared.has(b.id) || b.kind === 'export').map(keepingOrder);
  const edges: Doc['edges'] = [];
  for (const { port, to } of parts) {
    const copy = (id: string) => (inChain.has(id) ? `${id}__${port}` : id);
    blocks.push(...chain.map((b) => ({ ...b, id: copy(b.id) })));
    edges.push(...doc.edges.filter((e) => inChain.has(e.to.block)).map((e) => ({ from: { ...e.from, block: copy(e.from.block) }, to: { ...e.to, block: copy(e.to.block) } })));
    const keep = port === 'train' ? '<' : '>=';
    const query = `SELECT * EXCLUDE (${ID}) FROM df WHERE (${unit}) ${keep} 0.8 ORDER BY ${ID}`;
    blocks.push({ id: `part_${port}`, kind: 'sql', params: { query, inputs: ['df'] } });
    edges.push({ from: { ...feed.from, block: copy(feed.from.block) }, to: { block: `part_${port}`, port: 'df' } }, { from: { block: `part_${port}`, port: 'out' }, to });
  }
  return { ...doc, blocks, edges };
}

export interface BenchFlows {
  workshop: string;
  singlePass: string;
  /** The workshop with each export sorted by the ratings' id (see idOrdered). */
  idOrdered: string;
  /** Writes the sorted pass for the split's unit expression (see sortedPass); returns its file. */
  sortedPass(unit: string): string;
  /** Writes the workshop computed once per export, id-ordered (see computedTwice); returns its file. */
  computedTwice(unit: string): string;
}

export function benchFlows(musicFlowPath: string): BenchFlows {
  const doc = workshop(musicFlowPath);
  const single = singlePass(doc);
  return {
    workshop: write('music-workshop.flow.json', doc),
    singlePass: write('music-single-pass.flow.json', single),
    idOrdered: write('music-id-ordered.flow.json', idOrdered(doc)),
    sortedPass: (unit) => write('music-sorted-pass.flow.json', sortedPass(single, unit)),
    computedTwice: (unit) => write('music-computed-twice.flow.json', computedTwice(doc, unit)),
  };
}
