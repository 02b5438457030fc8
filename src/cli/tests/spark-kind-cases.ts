import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { repoRoot } from '../../testing/run-cli';
import { modelCases, modelImports, trainingCases, writeModelInputs } from './spark-model-flows';

/**
 * The Spark tier's cases for the data blocks (pyspark-parity.spark.test.ts runs them): generated input files, one
 * case per import dialect and per block kind and setting worth telling apart, and the flows that hold them.
 */

interface KindCase {
  name: string;
  kind: string;
  params: object;
  fitted?: object;
  /** Input ports and the import each reads (default: `in` ← people). */
  from?: Record<string, string>;
  /** Output ports (default: `out`). */
  outputs?: string[];
}

const people = (i: number): string => {
  const grp = i % 7 === 0 ? '' : ['a', 'b', 'c'][i % 3]!;
  const name = i % 5 === 0 ? '' : `${['Ann', 'bob', 'Cy "q"', '=sum', 'Dee, Jr', 'Ágnes'][i % 6]}${i % 4}`;
  const score = i % 9 === 0 ? '' : String(Math.round(((i * 0.37) % 1) * 1000) / 1000);
  const day = `2024-0${(i % 9) + 1}-1${i % 10}`;
  const quoted = name.includes('"') || name.includes(',') ? `"${name.replaceAll('"', '""')}"` : name;
  return [i, quoted, grp, score, i % 4, day].join(',');
};

export const importCases: { name: string; params: object }[] = [
  { name: 'import-csv', params: { input: 'people', file: 'people.csv' } },
  { name: 'import-csv-dialect', params: { input: 'semi', file: 'semi.csv', csv: { delimiter: ';', textColumns: ['id'], nullString: 'NA' } } },
  { name: 'import-parquet', params: { input: 'pq', file: 'people.parquet', format: 'parquet' } },
  { name: 'import-jsonl', params: { input: 'jl', file: 'people.jsonl', format: 'jsonl' } },
  { name: 'import-json', params: { input: 'js', file: 'people.json', format: 'json' } },
  { name: 'import-csv-preamble', params: { input: 'preamble', file: 'preamble.csv', csv: { skipRows: 2, headerRows: 2 } } },
  { name: 'import-csv-fraction', params: { input: 'people', file: 'people.csv', sampling: { mode: 'fraction', fraction: 0.5, seed: 3 }, rowNumber: 'pos' } },
  { name: 'import-parquet-fraction', params: { input: 'pq', file: 'people.parquet', format: 'parquet', sampling: { mode: 'fraction', fraction: 0.3, seed: 8 } } },
];

export const kindCases: KindCase[] = [
  {
    name: 'manage-columns',
    kind: 'manage-columns',
    params: {
      operations: [
        { op: 'drop', columns: ['n'] },
        { op: 'rename', from: 'name', to: 'full name' },
        { op: 'move', columns: ['score'], to: 'start' },
        { op: 'duplicate', column: 'grp', as: 'grp2' },
        { op: 'cast', columns: ['id'], type: 'VARCHAR' },
        { op: 'move', columns: ['grp2'], to: 'after', anchor: 'id' },
      ],
    },
  },
  { name: 'manage-columns-try-cast', kind: 'manage-columns', params: { operations: [{ op: 'cast', columns: ['name', 'score'], type: 'INTEGER', onError: 'null' }] } },
  { name: 'manage-rows-sort', kind: 'manage-rows', params: { op: 'sort', by: [{ column: 'score', descending: true, nulls: 'first' }] } },
  { name: 'manage-rows-dedupe-first', kind: 'manage-rows', params: { op: 'drop-duplicates', columns: ['grp'], keep: 'first', orderBy: ['score'] } },
  { name: 'manage-rows-dedupe-last', kind: 'manage-rows', params: { op: 'drop-duplicates', columns: ['grp', 'n'], keep: 'last', orderBy: ['day'] } },
  { name: 'manage-rows-dedupe-any', kind: 'manage-rows', params: { op: 'drop-duplicates', columns: ['n'] } },
  { name: 'manage-rows-shuffle', kind: 'manage-rows', params: { op: 'shuffle', seed: 7 } },
  { name: 'formula-arithmetic', kind: 'formula', params: { column: 'x', expression: 'score * 2 + n / 4 - 0.5' } },
  { name: 'formula-division-by-zero', kind: 'formula', params: { column: 'x', expression: '1 / n + n % 3' } },
  { name: 'formula-text', kind: 'formula', params: { column: 'label', expression: "CASE WHEN score > 0.5 THEN upper(grp) ELSE coalesce(name, 'none') || '!' END" } },
  { name: 'formula-functions', kind: 'formula', params: { column: 'f', expression: "length(trim(name)) + abs(n - 2) + greatest(n, 2) + year(day) + CAST(replace(CAST(id AS VARCHAR), '1', '9') AS INTEGER)" } },
  { name: 'formula-in-place', kind: 'formula', params: { column: 'SCORE', expression: 'round(score * 10, 1)' } },
  { name: 'formula-concat-null', kind: 'formula', params: { column: 'c', expression: "concat(name, '/', grp) || lower(coalesce(grp, 'Z'))" } },
  { name: 'filter-and-or', kind: 'filter', params: { condition: "score >= 0.3 AND grp <> 'b' OR name IS NULL" } },
  { name: 'filter-like-in-between', kind: 'filter', params: { condition: "name LIKE 'A%' OR id IN (1, 2, 3) OR n BETWEEN 2 AND 3 AND NOT (grp IS NULL)" } },
  { name: 'one-hot', kind: 'one-hot', params: { column: 'grp', unknown: 'keep' }, fitted: { labels: ['a', 'b'] } },
  { name: 'ordinal', kind: 'ordinal', params: { column: 'grp', unknown: 'keep' }, fitted: { labels: ['b', 'a'] } },
  { name: 'ordinal-to-column', kind: 'ordinal', params: { column: 'grp', outputColumn: 'grp_index', unknown: 'ignore' }, fitted: { labels: ['c', 'a'] } },
  ...(['inner', 'left', 'right', 'full', 'semi', 'anti', 'cross'] as const).map((type) => ({
    name: `join-${type}`,
    kind: 'join',
    params: { type, keys: type === 'cross' ? [] : [{ left: 'id', right: 'id' }] },
    from: { left: 'people', right: 'other' },
  })),
  { name: 'join-two-keys', kind: 'join', params: { type: 'left', keys: [{ left: 'id', right: 'id' }, { left: 'grp', right: 'grp' }] }, from: { left: 'people', right: 'other' } },
  { name: 'split-randomized', kind: 'split', params: { method: 'randomized', seed: 3 }, outputs: ['train', 'test'] },
  {
    name: 'split-randomized-3',
    kind: 'split',
    params: { method: 'randomized', seed: 11, keyColumns: ['score', 'name'], outputs: [{ name: 'a', fraction: 0.5 }, { name: 'b', fraction: 0.3 }, { name: 'c', fraction: 0.2 }] },
    outputs: ['a', 'b', 'c'],
  },
  { name: 'split-key', kind: 'split', params: { method: 'key', keyColumns: ['grp'], seed: 5 }, outputs: ['train', 'test'] },
  { name: 'split-ordered', kind: 'split', params: { method: 'ordered', orderBy: [{ column: 'score', descending: true }] }, outputs: ['train', 'test'] },
  { name: 'split-stratified', kind: 'split', params: { method: 'stratified', stratifyColumn: 'grp' }, outputs: ['train', 'test'] },
  { name: 'split-leave-last-out', kind: 'split', params: { method: 'leave-last-out', groupColumn: 'grp', orderBy: [{ column: 'day' }] }, outputs: ['train', 'test'] },
  {
    name: 'aggregate',
    kind: 'aggregate',
    params: {
      groupBy: ['grp'],
      filter: 'n > 0',
      aggregations: [
        { column: '*', fn: 'count' },
        { column: 'name', fn: 'count' },
        { column: 'name', fn: 'count_distinct' },
        { column: 'n', fn: 'sum' },
        { column: 'score', fn: 'sum' },
        { column: 'score', fn: 'avg' },
        { column: 'name', fn: 'min' },
        { column: 'score', fn: 'max' },
        { column: 'score', fn: 'median' },
        { column: 'score', fn: 'stddev' },
        { column: 'score', fn: 'variance' },
        { column: 'day', fn: 'first' },
      ],
    },
  },
  {
    name: 'types',
    kind: 'types',
    params: { columns: { n: 'DOUBLE' }, onError: 'null' },
    fitted: { schema: { id: 'VARCHAR', name: 'VARCHAR', grp: 'VARCHAR', score: 'VARCHAR', n: 'BIGINT', day: 'DATE' } },
  },
  {
    name: 'types-from-text',
    kind: 'types',
    params: { onError: 'null' },
    fitted: { schema: { id: 'BIGINT', name: 'VARCHAR', grp: 'VARCHAR', score: 'DOUBLE' } },
    from: { in: 'import1' },
  },
  {
    // Text written in formats (issue 16): dates and 12-hour times read with Spark's patterns, amounts without their sign.
    name: 'types-formats',
    kind: 'types',
    params: { onError: 'null', columns: { price: 'BIGINT' }, formats: { eu: 'DD.MM.YYYY' } },
    fitted: {
      schema: { id: 'BIGINT', dmy: 'DATE', mdy_t: 'TIMESTAMP', price: 'DOUBLE', amount: 'DOUBLE', eu: 'VARCHAR' },
      formats: { dmy: 'DD/MM/YYYY', mdy_t: 'MM/DD/YYYY hh:MM AM', price: 'currency', amount: 'currency' },
    },
    from: { in: 'written' },
  },
  { name: 'missing-constant', kind: 'missing', params: { columns: ['name', 'score'], strategy: 'constant', value: '0', indicator: true } },
  { name: 'missing-mean', kind: 'missing', params: { columns: ['score', 'n'], strategy: 'mean' }, fitted: { values: { score: 0.4821, n: 1.5 } } },
  { name: 'missing-mode', kind: 'missing', params: { columns: ['grp'], strategy: 'mode', indicator: true }, fitted: { values: { grp: 'a' } } },
  { name: 'missing-drop-rows', kind: 'missing', params: { columns: ['name', 'grp'], strategy: 'drop-rows' } },
  { name: 'sample-fraction', kind: 'sample', params: { mode: 'fraction', fraction: 0.4, seed: 9 } },
  { name: 'sample-rows', kind: 'sample', params: { mode: 'rows', rows: 17, seed: 2, keyColumns: ['grp'] } },
  { name: 'sample-stratified', kind: 'sample', params: { mode: 'stratified', column: 'grp', fraction: 0.5, seed: 4 } },
  { name: 'concat', kind: 'concat', params: { inputs: 2, sourceColumn: 'source' }, from: { in1: 'people', in2: 'other' } },
  { name: 'concat-distinct', kind: 'concat', params: { inputs: 2, distinct: true }, from: { in1: 'other', in2: 'other' } },
  { name: 'aggregate-whole', kind: 'aggregate', params: { aggregations: [{ column: '*', fn: 'count' }, { column: 'score', fn: 'avg' }] } },
  {
    name: 'aggregate-mode',
    kind: 'aggregate',
    params: {
      groupBy: ['grp'],
      filter: 'id > 3',
      aggregations: [{ column: 'n', fn: 'mode' }, { column: '*', fn: 'count' }, { column: 'name', fn: 'mode', as: 'usual name' }, { column: 'score', fn: 'mode' }],
    },
  },
  { name: 'aggregate-mode-whole', kind: 'aggregate', params: { aggregations: [{ column: 'grp', fn: 'mode' }, { column: 'day', fn: 'mode' }] } },
  { name: 'scale-standard', kind: 'scale', params: { columns: ['score', 'n'] }, fitted: { stats: { score: { center: 0.4821, scale: 0.2875 }, n: { center: 1.5, scale: 1.1272 } } } },
  { name: 'scale-min-max-suffix', kind: 'scale', params: { columns: ['id'], method: 'min-max', outputSuffix: '_01' }, fitted: { stats: { id: { center: 1, scale: 59 } } } },
  { name: 'multi-hot', kind: 'multi-hot', params: { column: 'genres' }, fitted: { labels: ['Drama', 'Action', 'Comedy', 'Sci-Fi'] }, from: { in: 'tags' } },
  { name: 'multi-hot-keep-input', kind: 'multi-hot', params: { column: 'genres', delimiter: '.*', prefix: 'g:', dropInput: false }, fitted: { labels: ['a', 'b c'] }, from: { in: 'tags' } },
  {
    name: 'sql-group',
    kind: 'sql',
    from: { df: 'people' },
    params: { query: 'SELECT grp, count(*) AS rows, count(DISTINCT n) AS ns, avg(score) AS mean_score, max(name) AS top FROM df WHERE n > 0 GROUP BY grp HAVING count(*) > 1 ORDER BY grp' },
  },
  {
    name: 'sql-join',
    kind: 'sql',
    params: {
      query: 'SELECT p.id, p.name, o.extra, o.name AS other_name FROM people p LEFT JOIN other AS o ON p.id = o.id WHERE o.extra IS NULL OR o.extra > 15',
      inputs: ['people', 'other'],
    },
    from: { people: 'people', other: 'other' },
  },
  {
    name: 'sql-cte-union',
    kind: 'sql',
    from: { df: 'people' },
    params: { query: "WITH g AS (SELECT DISTINCT grp FROM df WHERE grp IS NOT NULL) SELECT grp AS v, 1.0 AS weight FROM g UNION ALL SELECT id || '/' || name AS v, score AS weight FROM df WHERE id < 5" },
  },
  { name: 'sql-star-limit', kind: 'sql', from: { df: 'people' }, params: { query: 'SELECT *, n * 2 AS twice FROM df ORDER BY score DESC, id LIMIT 10 OFFSET 5' } },
  { name: 'sql-subquery-using', kind: 'sql', from: { df: 'people' }, params: { query: 'SELECT * FROM (SELECT id, grp FROM df) a JOIN (SELECT id, n FROM df WHERE n > 1) USING (id) GROUP BY ALL' } },
];

/** One flow with every case: shared imports, each case's block, an export per output named `<case>-<port>`. */
export function kindsFlow(): object {
  const blocks: object[] = [];
  const edges: object[] = [];
  const edge = (fb: string, fp: string, tb: string, tp: string) => edges.push({ from: { block: fb, port: fp }, to: { block: tb, port: tp } });
  for (const [i, c] of importCases.entries()) {
    blocks.push({ id: `import${i}`, kind: 'import', params: c.params });
    blocks.push({ id: `import${i}_export`, kind: 'export', params: { file: `${c.name}-out.csv` } });
    edge(`import${i}`, 'out', `import${i}_export`, 'in');
  }
  blocks.push({ id: 'other', kind: 'import', params: { input: 'other', file: 'other.csv' } });
  blocks.push({ id: 'written', kind: 'import', params: { input: 'written', file: 'written.csv' } });
  blocks.push({ id: 'tags', kind: 'import', params: { input: 'tags', file: 'tags.csv' } });
  for (const name of modelImports) blocks.push({ id: `model_${name}`, kind: 'import', params: { input: name, file: `${name}.csv` } });
  const modelKindCases: KindCase[] = [...modelCases, ...trainingCases].map((c) => ({ ...c, from: Object.fromEntries(Object.entries(c.from).map(([port, from]) => [port, `model_${from}`])) }));
  for (const [i, c] of [...kindCases, ...modelKindCases].entries()) {
    blocks.push({ id: `case${i}`, kind: c.kind, label: c.name, params: c.params, ...(c.fitted ? { fitted: c.fitted } : {}) });
    for (const [port, from] of Object.entries(c.from ?? { in: 'people' })) edge(from === 'people' ? 'import0' : from, 'out', `case${i}`, port);
    for (const port of c.outputs ?? ['out']) {
      blocks.push({ id: `case${i}_${port}`, kind: 'export', params: { file: `${c.name}-${port}.csv` } });
      edge(`case${i}`, port, `case${i}_${port}`, 'in');
    }
  }
  return { format: 'wrangle-flow', version: 1, name: 'Every translated kind', blocks, edges };
}

/** A struct column exported as CSV, which the job refuses to write (DuckDB writes its own text for it). */
export function nestedCsvFlow(): object {
  return {
    format: 'wrangle-flow',
    version: 1,
    name: 'A struct as CSV',
    blocks: [
      { id: 'people', kind: 'import', params: { input: 'people', file: 'people.csv' } },
      { id: 'packed', kind: 'sql', params: { query: "SELECT id, {'g': grp, 'n': n} AS s FROM df" } },
      { id: 'save', kind: 'export', params: { file: 'nested.csv' } },
    ],
    edges: [
      { from: { block: 'people', port: 'out' }, to: { block: 'packed', port: 'df' } },
      { from: { block: 'packed', port: 'out' }, to: { block: 'save', port: 'in' } },
    ],
  };
}

/** The music flow's workshop part: the blocks the train and test exports read. */
export function workshopFlow(): object {
  const flow = JSON.parse(readFileSync(join(repoRoot, 'sample-data/flows/music-recommendation.flow.json'), 'utf8')) as {
    blocks: { id: string }[];
    edges: { from: { block: string }; to: { block: string } }[];
    view?: unknown;
  };
  const keep = new Set(['export_train', 'export_test']);
  for (let grew = true; grew; ) {
    grew = false;
    for (const e of flow.edges) if (keep.has(e.to.block) && !keep.has(e.from.block)) grew = keep.add(e.from.block) !== undefined;
  }
  delete flow.view;
  return { ...flow, blocks: flow.blocks.filter((b) => keep.has(b.id)), edges: flow.edges.filter((e) => keep.has(e.to.block)) };
}

export async function writeInputs(dir: string): Promise<Record<string, string>> {
  const header = 'id,name,grp,score,n,day';
  const rows = Array.from({ length: 60 }, (_, i) => people(i + 1));
  const files = {
    people: join(dir, 'people.csv'),
    semi: join(dir, 'semi.csv'),
    pq: join(dir, 'people.parquet'),
    jl: join(dir, 'people.jsonl'),
    js: join(dir, 'people.json'),
    other: join(dir, 'other.csv'),
    written: join(dir, 'written.csv'),
    preamble: join(dir, 'preamble.csv'),
    tags: join(dir, 'tags.csv'),
  };
  writeFileSync(files.people, `${[header, ...rows].join('\n')}\n`);
  writeFileSync(files.semi, `${['id;name;grp;score', '007;x;a;1.5', '010;NA;b;NA', '3;"semi;colon";NA;2'].join('\n')}\n`);
  writeFileSync(files.other, `${['id,grp,name,extra', '1,a,one,10', '2,b,two,20', '2,b,two again,21', '5,c,,50', '61,a,new,610', '7,,seven,70'].join('\n')}\n`);
  writeFileSync(
    files.written,
    `${[
      'id,dmy,mdy_t,price,amount,eu',
      '1,28/01/2018,01/28/2018 2:05 PM,"$1,234.50","$1,234.50",28.01.2018',
      '2,3/2/2018,2/3/2018 12:30 AM,€12,€12,03.02.2018',
      '3,,,-$0.99,-$0.99,',
      '4,soon,13/13/2018 1:00 PM,$5,£2.5,31.02.2018',
    ].join('\n')}\n`,
  );
  writeFileSync(files.preamble, `${['Exported by a tool', 'on 2024-01-01', 'id,name,price', ',,EUR', '1,apple,1.5', '2,pear,', '3,"fig, dried",12'].join('\n')}\n`);
  const genres = ['Drama|Action', 'Comedy', '', 'Sci-Fi | Drama|Drama', '(no genres listed)', 'a.*b c|a', 'Action|Comedy|Drama'];
  writeFileSync(files.tags, `${['id,genres', ...genres.map((g, i) => `${i + 1},${g}`), '8,'].join('\n')}\n`);
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const from = `read_csv('${files.people}')`;
  await c.run(`COPY (SELECT * FROM ${from}) TO '${files.pq}' (FORMAT parquet)`);
  await c.run(`COPY (SELECT * FROM ${from}) TO '${files.jl}' (FORMAT json)`);
  await c.run(`COPY (SELECT * FROM ${from}) TO '${files.js}' (FORMAT json, ARRAY true)`);
  c.closeSync();
  return { ...files, ...writeModelInputs(dir) };
}
