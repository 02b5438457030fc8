/**
 * `npx tsx bench/core/order-ideas.ts --sizes 1000000 [--threads 2]`: what each way of making the music workshop's two
 * exports byte-identical costs, on the flow's own SQL (from `wrangle sql`) run on native DuckDB. Every variant
 * computes the flow up to its split the same way; they differ in whether the split is a table and in the order the
 * exports are sorted by. Prints seconds per variant and format and writes bench/results/order-ideas.json. The
 * variants that are certain say why; the others are floors.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../src/testing/run-cli';
import { dataDir } from '../data';
import { workshopSplitSql } from './split-sql';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
}
const sizes = option('sizes', '1000000').split(',').map(Number);
const threads = option('threads', String(availableParallelism()));
const only = option('variants', '');

interface Variant {
  name: string;
  certain: boolean;
  /**
   * The split: `table` writes it with its unit column `u`, `sorted table` writes it sorted by every column (DuckDB then
   * keeps that order through a scan with a WHERE and COPY, so the exports need no sort), `view` leaves it a view.
   */
  split: 'table' | 'sorted table' | 'view';
  /** ORDER BY of each export (over the 38 output columns `cols` and the split's unit `u`), or '' for none. */
  order: (cols: string) => string;
}

const VARIANTS: Variant[] = [
  { name: 'today: split table, ORDER BY ALL', certain: true, split: 'table', order: () => 'ORDER BY ALL' },
  { name: 'split table, unsorted', certain: false, split: 'table', order: () => '' },
  { name: 'split table, ORDER BY unit, every column', certain: true, split: 'table', order: (c) => `ORDER BY u, ${c}` },
  { name: 'split table, ORDER BY hash(row), every column', certain: true, split: 'table', order: (c) => `ORDER BY hash(${c}), ${c}` },
  { name: 'split table, ORDER BY unit only', certain: false, split: 'table', order: () => 'ORDER BY u' },
  { name: 'split table sorted by every column, exports unsorted', certain: true, split: 'sorted table', order: () => '' },
  { name: 'split view, ORDER BY ALL', certain: true, split: 'view', order: () => 'ORDER BY ALL' },
  { name: 'split view, ORDER BY unit, every column', certain: true, split: 'view', order: (c) => `ORDER BY u, ${c}` },
  { name: 'split view, ORDER BY hash(row), every column', certain: true, split: 'view', order: (c) => `ORDER BY hash(${c}), ${c}` },
  { name: 'split view, unsorted', certain: false, split: 'view', order: () => '' },
];

async function run(c: DuckDBConnection, sql: string): Promise<number> {
  const started = performance.now();
  await c.run(sql);
  return (performance.now() - started) / 1000;
}

const figures: unknown[] = [];
for (const ratings of sizes) {
  const data = dataDir(ratings);
  const { scratch, setup, base, unit } = workshopSplitSql(data);
  for (const format of ['parquet', 'csv'] as const) {
    for (const v of VARIANTS.filter((x) => !only || only.split(',').some((o) => x.name.includes(o)))) {
      const instance = await DuckDBInstance.create(':memory:', { threads });
      const c = await instance.connect();
      for (const s of setup) await c.run(s);
      const cols = (await c.runAndReadAll(`DESCRIBE ${base}`)).getRowObjects().map((r) => `"${String(r.column_name)}"`).join(', ');
      const load = loadavg()[0]!;
      const kind = v.split === 'view' ? 'VIEW' : 'TABLE';
      const sorted = v.split === 'sorted table' ? ` ORDER BY ${cols}` : '';
      let seconds = await run(c, `CREATE OR REPLACE ${kind} split AS SELECT *, ${unit} AS u FROM ${base}${sorted}`);
      for (const [part, where] of [['train', 'u < 0.8'], ['test', 'u >= 0.8']] as const) {
        const options = format === 'csv' ? 'FORMAT csv, HEADER true' : 'FORMAT parquet';
        seconds += await run(c, `COPY (SELECT ${cols} FROM split WHERE ${where} ${v.order(cols)}) TO '${join(scratch, `${part}.${format}`)}' (${options})`);
      }
      c.closeSync();
      instance.closeSync();
      figures.push({ ratings, format, variant: v.name, certain: v.certain, seconds: Number(seconds.toFixed(2)), loadAverage: Number(load.toFixed(1)) });
      console.log(`${ratings.toLocaleString('en-US').padStart(11)} ${format.padEnd(7)} ${v.name.padEnd(48)} ${seconds.toFixed(2).padStart(6)} s  (load ${load.toFixed(1)})`);
    }
  }
  rmSync(scratch, { recursive: true, force: true });
}
mkdirSync(join(repoRoot, 'bench', 'results'), { recursive: true });
writeFileSync(join(repoRoot, 'bench', 'results', 'order-ideas.json'), `${JSON.stringify({ date: new Date().toISOString(), threads, figures }, null, 2)}\n`);
