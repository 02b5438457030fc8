/**
 * `npx tsx bench/core/sort-keys.ts --sizes 1000000 [--rounds 3]`: what the sort that makes an export certain costs by
 * itself. The music workshop's split is built once as a table (as the CLI builds it); then its train rows are
 * written as Parquet under each ORDER BY, the variants taking turns in every round so that a busy machine weighs
 * on all of them alike. Prints the median seconds per variant and writes bench/results/sort-keys.json.
 */
import { DuckDBInstance } from '@duckdb/node-api';
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
const rounds = Number(option('rounds', '3'));
const format = option('format', 'parquet');
const threads = option('threads', String(availableParallelism()));

/** Each ORDER BY over the output columns `cols` and the split's unit `u`; `certain` when ties can only be identical rows. */
const VARIANTS: { name: string; certain: boolean; order: (cols: string) => string }[] = [
  { name: 'unsorted', certain: false, order: () => '' },
  { name: 'ORDER BY ALL (today)', certain: true, order: () => 'ORDER BY ALL' },
  { name: 'ORDER BY hash(row), every column', certain: true, order: (c) => `ORDER BY hash(${c}), ${c}` },
  { name: 'ORDER BY split unit, every column', certain: true, order: (c) => `ORDER BY u, ${c}` },
  { name: 'ORDER BY hash(row) only', certain: false, order: (c) => `ORDER BY hash(${c})` },
  { name: 'ORDER BY every column, reversed', certain: true, order: (c) => `ORDER BY ${c.split(', ').reverse().join(', ')}` },
];

const figures: unknown[] = [];
for (const ratings of sizes) {
  const data = dataDir(ratings);
  const { scratch, setup, base, unit } = workshopSplitSql(data);
  const instance = await DuckDBInstance.create(':memory:', { threads });
  const c = await instance.connect();
  for (const s of setup) await c.run(s);
  await c.run(`CREATE TABLE split AS SELECT *, ${unit} AS u FROM ${base}`);
  const cols = (await c.runAndReadAll(`DESCRIBE ${base}`)).getRowObjects().map((r) => `"${String(r.column_name)}"`).join(', ');
  const seconds = new Map<string, number[]>(VARIANTS.map((v) => [v.name, []]));
  const loads: number[] = [];
  for (let round = 0; round < rounds; round++) {
    loads.push(loadavg()[0]!);
    for (const v of round % 2 === 0 ? VARIANTS : [...VARIANTS].reverse()) {
      const options = format === 'csv' ? 'FORMAT csv, HEADER true' : 'FORMAT parquet';
      const started = performance.now();
      await c.run(`COPY (SELECT ${cols} FROM split WHERE u < 0.8 ${v.order(cols)}) TO '${join(scratch, `train.${format}`)}' (${options})`);
      seconds.get(v.name)!.push((performance.now() - started) / 1000);
    }
  }
  c.closeSync();
  instance.closeSync();
  rmSync(scratch, { recursive: true, force: true });
  const load = Number((loads.reduce((a, b) => a + b, 0) / loads.length).toFixed(1));
  for (const v of VARIANTS) {
    const all = seconds.get(v.name)!.sort((a, b) => a - b);
    const median = Number(all[Math.floor(all.length / 2)]!.toFixed(2));
    figures.push({ ratings, format, variant: v.name, certain: v.certain, medianSeconds: median, seconds: all.map((s) => Number(s.toFixed(2))), loadAverage: load });
    console.log(`${ratings.toLocaleString('en-US').padStart(11)} ${format} ${v.name.padEnd(36)} median ${median.toFixed(2).padStart(6)} s of ${all.map((s) => s.toFixed(2)).join(' / ')} (load ${load})`);
  }
}
mkdirSync(join(repoRoot, 'bench', 'results'), { recursive: true });
writeFileSync(join(repoRoot, 'bench', 'results', 'sort-keys.json'), `${JSON.stringify({ date: new Date().toISOString(), threads, rounds, figures }, null, 2)}\n`);
