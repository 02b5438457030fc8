import { describe, expect, it } from 'vitest';
import { importDataWranglerFlow } from './import-flow';
import { translatePySpark } from './pyspark/evaluate';

const source = (id: string, file = 'a.csv') => ({
  node_id: id,
  type: 'SOURCE',
  operator: 'sagemaker.s3_source_0.1',
  parameters: { dataset_definition: { s3ExecutionContext: { s3Uri: `s3://b/${file}`, s3ContentType: 'csv' } } },
  inputs: [],
  outputs: [{ name: 'default' }],
});
const dropColumn = (id: string, from: string) => ({
  node_id: id,
  type: 'TRANSFORM',
  operator: 'sagemaker.spark.manage_columns_0.1',
  parameters: { operator: 'Drop column', drop_column_parameters: { column_to_drop: 'x' } },
  inputs: [{ name: 'df', node_id: from, output_name: 'default' }],
  outputs: [{ name: 'default' }],
});
const flow = (...nodes: object[]) => ({ metadata: { version: 1 }, nodes });

describe('input that is not a Data Wrangler flow gives a report, not a crash', () => {
  it.each([
    ['text that is not JSON', '{"nodes": [', /not JSON/],
    ['a JSON array', '[1, 2]', /not a JSON object/],
    ['an object without nodes', '{"metadata": {"version": 1}}', /no "nodes" list/],
    ['an empty node list', '{"nodes": []}', /empty/],
    ['nodes without ids', '{"nodes": [{"type": "SOURCE"}, 7]}', /none of its nodes/],
    ['a Wrangle flow', '{"format": "wrangle-flow", "version": 1, "blocks": []}', /already a Wrangle flow/],
  ])('%s', async (_, text, reason) => {
    const { flow: converted, report } = await importDataWranglerFlow(text);
    expect(converted).toBeUndefined();
    expect(report.isFlow).toBe(false);
    expect(report.problems.join()).toMatch(reason);
  });
});

describe('flows with broken wiring or unknown steps still convert', () => {
  it('leaves out the nodes of a cycle, saying which they are, and converts the rest', async () => {
    const { flow: converted, report } = await importDataWranglerFlow(flow(source('s'), dropColumn('a', 'b'), dropColumn('b', 'a'), dropColumn('c', 's')));
    expect(report.problems.join()).toMatch(/cycle \((a → b → a|b → a → b)\)/);
    expect(report.nodes.filter((n) => n.status === 'unsupported').map((n) => n.nodeId).sort()).toEqual(['a', 'b']);
    expect(converted!.blocks.map((b) => b.kind)).toEqual(['import', 'manage-columns']);
  });

  it('orders nodes that read nodes listed after them, and reports a read of a node that is not there', async () => {
    const { flow: converted, report } = await importDataWranglerFlow(flow(dropColumn('late', 'mid'), dropColumn('mid', 's'), source('s'), dropColumn('lost', 'nowhere')));
    expect(report.problems).toEqual([expect.stringMatching(/node lost .* reads node nowhere, which is not in the file/)]);
    expect(report.nodes.map((n) => [n.nodeId, n.status])).toEqual([
      ['late', 'translated'],
      ['mid', 'translated'],
      ['s', 'translated'],
      ['lost', 'translated'],
    ]);
    const wiredTo = (nodeId: string) => converted!.edges.find((e) => e.to.block === report.nodes.find((n) => n.nodeId === nodeId)!.blocks[0])?.from.block;
    expect(wiredTo('late')).toBe(report.nodes.find((n) => n.nodeId === 'mid')!.blocks[0]);
    expect(wiredTo('lost')).toBeUndefined();
  });

  it('keeps an unknown operator as an unsupported block with its settings, wired in place', async () => {
    const odd = { ...dropColumn('odd', 's'), operator: 'sagemaker.spark.featurize_text_0.1', parameters: { operator: 'Vectorize', vectorize_parameters: { input_column: 'x' } } };
    const { flow: converted, report } = await importDataWranglerFlow(flow(source('s'), odd, dropColumn('after', 'odd')));
    const node = report.nodes.find((n) => n.nodeId === 'odd')!;
    expect(node).toMatchObject({ status: 'unsupported', detail: expect.stringMatching(/featurize_text_0\.1 is not known/) });
    const block = converted!.blocks.find((b) => b.id === node.blocks[0])!;
    expect(block).toMatchObject({ kind: 'unsupported', params: { parameters: { operator: 'Vectorize' }, inputs: ['in'], outputs: ['out'] } });
    expect(converted!.edges.some((e) => e.from.block === block.id)).toBe(true);
  });

  it('reports nodes that are malformed or repeated, and converts the others', async () => {
    const { report } = await importDataWranglerFlow(flow(source('s'), { type: 'TRANSFORM' }, source('s', 'b.csv')));
    expect(report.isFlow).toBe(true);
    expect(report.problems).toEqual([expect.stringMatching(/nodes\[1\] has no node_id/), expect.stringMatching(/two nodes share the id s/)]);
  });

  it('keeps a step whose settings do not fit as unsupported, with the reason', async () => {
    const bad = { ...dropColumn('bad', 's'), parameters: { operator: 'Drop column', drop_column_parameters: { column_to_drop: [] } } };
    const { report } = await importDataWranglerFlow(flow(source('s'), bad));
    expect(report.nodes[1]).toMatchObject({ status: 'unsupported', detail: expect.stringMatching(/manage-columns block would get invalid settings/) });
  });
});

describe('PySpark that cannot be translated says why, with its line', () => {
  it.each([
    ['import pandas as pd\ndf = pd.DataFrame(df)', /line 2: .*pandas.DataFrame\(\) is not translated/],
    ['def f(x):\n    return x\n', /line 2: indented code \(a def, for, if or with block\) is not translated/],
    ['for c in []: df = df', /line 1: "for" statements are not translated/],
    ["df = df.withColumn('a', F.udf(lambda x: x)('b'))", /lambda expressions are not translated/],
    ["cols = [c for c in df.columns if c != 'x']", /df\.columns needs the table itself/],
    ["df = df.filter(F.col('a') > 1 and F.col('b') < 2)", /name "F" is not defined|use & to combine Columns/],
    ["import pyspark.sql.functions as F\ndf = df.filter((F.col('a') > 1) and (F.col('b') < 2))", /use & to combine Columns, not "and"/],
    ["import pyspark.sql.functions as F\ndf = df.withColumn('m', F.months_between('a', 'b'))", /F\.months_between\(\) has no DuckDB translation/],
    ['df = spark.table("x")', /the Spark session/],
    ['df = 3', /df is the number 3, not a DataFrame/],
  ])('%s', (code, reason) => {
    expect(() => translatePySpark(code)).toThrow(reason);
  });
});
