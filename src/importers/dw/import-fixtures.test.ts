import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../engine/flow/schema';
import type { SqlRow } from '../../engine/sql/sql-runner';
import type { NodeReport } from './report';
import { importFixture, runImported } from './testing/run-imported';

/** Tiny input files, one per fixture source. */
const files: Record<string, string> = {
  'people.csv': 'id,name,born\n1,ann,2000-01-02\n2,bob,1999-12-31\n3,cy,\n',
  'scores.tsv': 'id\twho\tscore\n1\tann\t7.5\n1\tann\t8\n2\tzed\tx\n',
  'pets.csv': 'kind,size\ncat,S\ndog,L\ncat,M\nfish,S\n',
  'items.csv': 'item,qty,price,note\na,1,2.5,x\nb,2,1.0,y\na,1,2.5,x\n',
  'sensors.csv': 'site,temp,hum\nn,10,0.5\n,40,\ns,,0.9\ne,-5,0.1\n',
  'names.csv': 'name,code,num,tag\nBoob,a-b!c,7,x[in]y\nAl,#1,12345,none\n',
  'events.csv': 'user,t\nu1,1\nu1,2\nu2,3\nu3,4\nu2,5\nu4,6\nu5,7\nu6,8\nu7,9\nu8,10\n',
  'orders.csv': 'user,amount,note\nann,5,gift\nann,60,\nbob,20,gift\ncy,100,x\n',
};

/** Rows with BIGINTs as numbers, so expectations read plainly. */
const plain = (rows: SqlRow[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));

async function imported(fixture: string) {
  const { flow, report } = await importFixture(fixture);
  expect(report.isFlow).toBe(true);
  expect(report.problems).toEqual([]);
  const run = await runImported(flow!, files);
  const byNode = (id: string): NodeReport => report.nodes.find((n) => n.nodeId === id)!;
  const blocksOf = (id: string) => byNode(id).blocks.map((b) => flow!.blocks.find((x) => x.id === b)!);
  return { flow: flow!, report, run, byNode, blocksOf, rows: async (file: string) => plain(await run.exported(file)) };
}

const kinds = (flow: FlowDocument) => flow.blocks.map((b) => b.kind);

describe('sources, types, casts and joins (nodes listed before their inputs)', () => {
  it('imports each source by its file name, joins left/anti/multi-key with _0/_1 names, and casts', async () => {
    const t = await imported('join-types.flow');
    try {
      expect(t.blocksOf('src-b')[0]!.params).toMatchObject({ input: 'scores', file: 'scores.tsv', csv: { delimiter: '\t' } });
      expect(t.blocksOf('src-b')[0]!.description).toContain('s3://bucket/data/scores.tsv');
      expect(t.blocksOf('join-left')[0]!.params).toEqual({ type: 'left', keys: [{ left: 'id', right: 'id' }] });
      expect(t.blocksOf('join-multi')[0]!.params).toEqual({ type: 'inner', keys: [{ left: 'id', right: 'id' }, { left: 'name', right: 'who' }] });
      expect(t.byNode('types-a')).toMatchObject({ status: 'refitted' });
      expect(t.blocksOf('types-a')[0]!.description).toContain('born: date');
      expect(await t.rows('dataset.csv')).toEqual([
        { id_0: 1, name: 'ann', born: expect.anything(), id_1: 1, who: 'ann', score: 7.5 },
        { id_0: 1, name: 'ann', born: expect.anything(), id_1: 1, who: 'ann', score: 8 },
        { id_0: 2, name: 'bob', born: expect.anything(), id_1: 2, who: 'zed', score: null },
        { id_0: 3, name: 'cy', born: null, id_1: null, who: null, score: null },
      ]);
      expect(await t.rows('no_scores.csv')).toEqual([{ id: 3, name: 'cy', born: null }]);
      expect((await t.rows('matched.csv')).map((r) => [r.name, r.score])).toEqual([['ann', '7.5'], ['ann', '8']]);
    } finally {
      t.run.close();
    }
  });

  it('uses the stored schema as the fitted state when asked to', async () => {
    const { flow, report } = await importFixture('join-types.flow', { typesFrom: 'file' });
    expect(report.nodes.find((n) => n.nodeId === 'types-a')!.status).toBe('translated');
    expect(flow!.blocks.find((b) => b.kind === 'types')!.fitted).toEqual({ schema: { id: 'BIGINT', name: 'VARCHAR', born: 'DATE' } });
  });
});

describe('encode_categorical', () => {
  it('refits one-hot and ordinal labels when the file holds none, by frequency then name', async () => {
    const t = await imported('encode.flow');
    try {
      expect(t.byNode('onehot').status).toBe('refitted');
      expect(t.blocksOf('ordinal')[0]!.params).toMatchObject({ column: 'size', outputColumn: 'size_index', unknown: 'ignore' });
      expect(await t.run.exportedColumns('dataset.csv')).toEqual(['size', 'kind_cat', 'kind_dog', 'kind_fish', 'size_index']);
      expect((await t.rows('dataset.csv')).map((r) => [r.size, r.kind_cat, r.kind_dog, r.size_index])).toEqual([
        ['L', 0, 1, 1],
        ['M', 1, 0, 2],
        ['S', 0, 0, 0],
        ['S', 1, 0, 0],
      ]);
    } finally {
      t.run.close();
    }
  });
});

describe('manage_columns and manage_rows', () => {
  it('renames, duplicates, moves, drops, removes duplicate rows and sorts', async () => {
    const t = await imported('columns-rows.flow');
    try {
      expect(t.blocksOf('move')[0]!.params).toEqual({ operations: [{ op: 'move', columns: ['price_copy'], to: 'after', anchor: 'item' }] });
      expect(await t.run.exportedColumns('dataset.csv')).toEqual(['item', 'price_copy', 'quantity', 'price']);
      expect(await t.rows('dataset.csv')).toEqual([
        { item: 'a', price_copy: 2.5, quantity: 1, price: 2.5 },
        { item: 'b', price_copy: 1, quantity: 2, price: 1 },
      ]);
    } finally {
      t.run.close();
    }
  });
});

describe('handle_missing, handle_outliers and process_numeric', () => {
  it('imputes the mean, fills, flags, drops, clips and scales into a new column', async () => {
    const t = await imported('clean.flow');
    try {
      expect(t.byNode('impute')).toMatchObject({ status: 'refitted' });
      expect(t.blocksOf('scale').map((b) => b.kind)).toEqual(['manage-columns', 'scale']);
      expect(await t.rows('dataset.csv')).toEqual([
        { site: 'e', temp: 0, hum: 0.1, hum_scaled: 0, hum_indicator: 0 },
        { site: 'n', temp: 10, hum: 0.5, hum_scaled: 0.5, hum_indicator: 0 },
        { site: 's', temp: 15, hum: 0.9, hum_scaled: 1, hum_indicator: 0 },
      ]);
    } finally {
      t.run.close();
    }
  });
});

describe('format_string, search_and_edit and custom_formula', () => {
  it('edits strings in place or into new columns, and runs a translated Spark formula', async () => {
    const t = await imported('strings.flow');
    try {
      expect(t.blocksOf('formula')[0]!.params).toMatchObject({ expression: expect.stringContaining('coalesce(') });
      expect(await t.rows('dataset.csv')).toEqual([
        { name: 'Al', code: '1', num: '12345', tag: 'none', name_lower: 'al', inner: '', label: 'A--0' },
        { name: 'B0b', code: 'abc', num: '0007', tag: 'x[in]y', name_lower: 'boob', inner: 'in', label: 'B-in-1' },
      ]);
    } finally {
      t.run.close();
    }
  });
});

describe('sampling and split', () => {
  it('takes the first rows, splits in order and by key, and names outputs after the split parts', async () => {
    const t = await imported('sample-split.flow');
    try {
      expect(t.blocksOf('ordered')[0]!.params).toMatchObject({ method: 'ordered', outputs: [{ name: 'Early', fraction: 0.75 }, { name: 'Late', fraction: 0.25 }] });
      expect(t.byNode('bykey').status).toBe('approximated');
      const times = async (file: string) => (await t.rows(file)).map((r) => Number(r.t)).sort((x, y) => x - y);
      expect(await times('early.csv')).toEqual([1, 2, 3, 4, 5, 6]);
      expect(await times('late.csv')).toEqual([7, 8]);
      const a = await t.rows('a.csv');
      const b = await t.rows('b.csv');
      expect(a.length + b.length).toBe(10);
      // A key's rows never straddle the two parts.
      const usersA = new Set(a.map((r) => r.user));
      expect(b.some((r) => usersA.has(r.user))).toBe(false);
    } finally {
      t.run.close();
    }
  });
});

describe('custom code', () => {
  it('translates PySpark chains to SQL and formula blocks, passes Spark SQL through, and keeps pandas as an unsupported block', async () => {
    const t = await imported('custom-code.flow');
    try {
      expect(t.blocksOf('chain').map((b) => b.kind)).toEqual(['sql', 'formula', 'formula', 'sql']);
      expect(await t.rows('clean_orders.csv')).toEqual([
        { customer: 'ann', amount: 60, amount_x2: 120, size: 'large' },
        { customer: 'bob', amount: 20, amount_x2: 40, size: 'small' },
        { customer: 'cy', amount: 100, amount_x2: 200, size: 'large' },
      ]);
      expect(await t.rows('dataset.csv')).toEqual([
        { user: 'ann', 'sum(amount)': 65, n: 2, top: 60 },
        { user: 'bob', 'sum(amount)': 20, n: 1, top: 20 },
        { user: 'cy', 'sum(amount)': 100, n: 1, top: 100 },
      ]);
      expect((await t.rows('dataset_2.csv')).map((r) => r.user)).toEqual(['ann', 'cy']);
      expect(await t.rows('dataset_3.csv')).toEqual([
        { user: 'ann', double_amount: 10 },
        { user: 'bob', double_amount: 40 },
      ]);
      const pandas = t.blocksOf('pandas')[0]!;
      expect(pandas.kind).toBe('unsupported');
      expect(pandas.params).toMatchObject({ operator: 'sagemaker.spark.custom_code_0.1', code: expect.stringContaining("df['amount']") });
      expect(t.byNode('pandas')).toMatchObject({ status: 'unsupported', detail: expect.stringMatching(/pandas/) });
      const status = (id: string) => t.run.result.blocks.find((b) => b.blockId === id);
      expect(status(pandas.id)?.error?.code).toBe('E_UNSUPPORTED_STEP');
      expect(status(t.byNode('after-pandas').blocks[0]!)?.status).toBe('blocked');
      expect(await t.rows('big_spenders.csv')).toEqual([
        { user: 'ann', amount: 5, big_amount: 60 },
        { user: 'ann', amount: 60, big_amount: 60 },
        { user: 'cy', amount: 100, big_amount: 100 },
      ]);
      expect(kinds(t.flow).filter((k) => k === 'export')).toHaveLength(6);
    } finally {
      t.run.close();
    }
  });
});

describe('query sources, analyses and destinations', () => {
  it('reads a query source from a file named after it, notes analyses on the block before them, and exports a destination', async () => {
    const { flow, report } = await importFixture('outputs.flow');
    const node = (id: string) => report.nodes.find((n) => n.nodeId === id)!;
    const block = (id: string) => flow!.blocks.find((b) => b.id === node(id).blocks[0])!;
    expect(node('athena')).toMatchObject({ status: 'approximated', detail: expect.stringMatching(/sales\.csv: run the Athena query/) });
    expect(block('athena')).toMatchObject({ kind: 'import', params: { input: 'sales', file: 'sales.csv' }, description: expect.stringContaining('SELECT * FROM sales WHERE year = 2023') });
    expect(node('hist')).toMatchObject({ status: 'approximated', blocks: [] });
    expect(node('model')).toMatchObject({ status: 'unsupported', blocks: [] });
    expect(block('upper').description).toMatch(/a histogram of amount; open this block's Chart tab/);
    expect(block('upper').description).toMatch(/"Quick model" \(quick_model\) has no counterpart/);
    expect(block('dest')).toMatchObject({ kind: 'export', params: { file: 'sales-clean.parquet', format: 'parquet' } });
    // The destination reads through the analysis, from the block the analysis looked at.
    expect(flow!.edges).toContainEqual({ from: { block: block('upper').id, port: 'out' }, to: { block: block('dest').id, port: 'in' } });
    const run = await runImported(flow!, { 'sales.csv': 'region,amount\nnorth,5\nsouth,7\n' });
    try {
      expect(await run.exported('sales-clean.parquet')).toEqual([
        { region: 'NORTH', amount: 5 },
        { region: 'SOUTH', amount: 7 },
      ]);
    } finally {
      run.close();
    }
  });
});
