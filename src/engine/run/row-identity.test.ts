import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NativeRunner } from '../../cli/native-runner';
import { flowOf } from '../../testing/flow-of';
import { IDENTITY_PREFIX } from '../blocks/row-identity';
import { FlowExecutor, type ExecuteOptions, type RunResult } from './executor';

/**
 * Exports sort by the rows' identity where the flow keeps one (row-identity.ts): the rows come out in their file's
 * order, identical rows included, the same in every preset and thread count; where a block ends the identity they
 * are sorted by every column, as before. The identity's columns never show.
 */
let dir: string;
let inputs: ExecuteOptions['inputs'];
const runners: NativeRunner[] = [];

/** Orders in no sorted order, with two rows that are the same once their id is dropped. */
const ORDERS = [
  ['o9', 'p2', 3],
  ['o1', 'p1', 1],
  ['o5', 'p3', 2],
  ['o2', 'p2', 3],
  ['o7', 'p1', 5],
  ['o3', 'p3', 2],
];
const PRODUCTS = [
  ['p3', 'tea', 2.5],
  ['p1', 'coffee', 4],
  ['p2', 'cake', 3.25],
];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wrangle-identity-'));
  const orders = join(dir, 'orders.csv');
  const products = join(dir, 'products.csv');
  const clash = join(dir, 'clash.csv');
  writeFileSync(orders, `orderId,productId,qty\n${ORDERS.map((r) => r.join(',')).join('\n')}\n`);
  writeFileSync(products, `productId,name,price\n${PRODUCTS.map((r) => r.join(',')).join('\n')}\n`);
  writeFileSync(clash, `${IDENTITY_PREFIX}0,productId\nb,p1\na,p2\n`);
  inputs = {
    orders: { path: orders, fingerprint: 'orders-v1' },
    products: { path: products, fingerprint: 'products-v1' },
    clash: { path: clash, fingerprint: 'clash-v1' },
  };
});
afterAll(() => runners.forEach((r) => r.close()));

async function run(doc: ReturnType<typeof flowOf>, preset: ExecuteOptions['preset'], threads = 2): Promise<{ result: RunResult; out: string }> {
  const out = mkdtempSync(join(dir, 'out-'));
  const runner = await NativeRunner.open({ readableFiles: Object.values(inputs).map((i) => i.path), writableDirectories: [out], threads });
  runners.push(runner);
  const result = await new FlowExecutor(runner).run(doc, { preset, inputs, sinkPath: (f) => join(out, f) });
  return { result, out };
}

const importOf = (id: string) => ({ id, kind: 'import', params: { input: id, file: `${id}.csv` } });
const exportTo = (file: string) => ({ id: 'export', kind: 'export', params: { file } });

/** Orders joined with their product, priced, the order id dropped, then `last` (an export, or a block then one). */
function ordersFlow(last: object[], lastEdges: [string, string, string, string][]) {
  return flowOf(
    [
      importOf('orders'),
      importOf('products'),
      { id: 'join', kind: 'join', params: { keys: [{ left: 'productId', right: 'productId' }] } },
      { id: 'total', kind: 'formula', params: { column: 'total', expression: 'qty * price' } },
      { id: 'tidy', kind: 'manage-columns', params: { operations: [{ op: 'drop', columns: ['orderId', 'productId_1'] }] } },
      ...last,
    ],
    [
      ['orders', 'out', 'join', 'left'],
      ['products', 'out', 'join', 'right'],
      ['join', 'out', 'total', 'in'],
      ['total', 'out', 'tidy', 'in'],
      ...lastEdges,
    ],
  );
}

const exported = (out: string, file = 'out.csv') => readFileSync(join(out, file), 'utf8');

/** A DOUBLE as DuckDB writes it to CSV: a whole number keeps its `.0`. */
const asDouble = (x: number) => (Number.isInteger(x) ? x.toFixed(1) : String(x));

/** The rows the orders flow writes, computed here from the files: in the orders' file order. */
function ordersInFileOrder(): string {
  const product = new Map(PRODUCTS.map(([id, name, price]) => [id, { name, price: Number(price) }]));
  const rows = ORDERS.map(([, productId, qty]) => {
    const p = product.get(String(productId))!;
    return `${productId},${qty},${p.name},${asDouble(p.price)},${asDouble(Number(qty) * p.price)}`;
  });
  return `productId_0,qty,name,price,total\n${rows.join('\n')}\n`;
}

describe('row identity', () => {
  it('writes a joined flow in its file order, identical rows included, the same in the CLI and the studio and at any thread count', async () => {
    const doc = ordersFlow([exportTo('out.csv')], [['tidy', 'out', 'export', 'in']]);
    const cli = await run(doc, 'cli');
    expect(cli.result.ok, JSON.stringify(cli.result.blocks.map((b) => b.error?.message))).toBe(true);
    expect(exported(cli.out)).toBe(ordersInFileOrder());
    const studio = await run(doc, 'inspect', 1);
    expect(exported(studio.out)).toBe(exported(cli.out));
    // The export read the identity: its SQL sorts by it, not by every column.
    expect(cli.result.blocks.find((b) => b.blockId === 'export')?.sql).toContain(`ORDER BY "${IDENTITY_PREFIX}0"`);
  });

  it('drops a per-group lookup’s identity when the join is on its groups, and still writes the file order', async () => {
    const perProduct = { id: 'per_product', kind: 'aggregate', params: { groupBy: ['productId_0'], aggregations: [{ column: 'qty', fn: 'sum', as: 'product_qty' }] } };
    const back = { id: 'back', kind: 'join', params: { keys: [{ left: 'productId_0', right: 'productId_0' }] } };
    const tidy = { id: 'tidy2', kind: 'manage-columns', params: { operations: [{ op: 'keep', columns: ['productId_0_1', 'qty', 'product_qty'] }] } };
    const doc = ordersFlow(
      [perProduct, back, tidy, exportTo('out.csv')],
      [
        ['tidy', 'out', 'per_product', 'in'],
        ['per_product', 'out', 'back', 'left'],
        ['tidy', 'out', 'back', 'right'],
        ['back', 'out', 'tidy2', 'in'],
        ['tidy2', 'out', 'export', 'in'],
      ],
    );
    const { result, out } = await run(doc, 'cli');
    expect(result.ok, JSON.stringify(result.blocks.map((b) => b.error?.message))).toBe(true);
    const sums = new Map<string, number>();
    for (const [, productId, qty] of ORDERS) sums.set(String(productId), (sums.get(String(productId)) ?? 0) + Number(qty));
    const rows = ORDERS.map(([, productId, qty]) => `${productId},${qty},${asDouble(sums.get(String(productId))!)}`);
    expect(exported(out)).toBe(`productId_0_1,qty,product_qty\n${rows.join('\n')}\n`);
    // The orders' and products' rows order it; the groups' copy is not needed.
    const sql = result.blocks.find((b) => b.blockId === 'export')?.sql ?? '';
    expect(sql).toContain(`ORDER BY "${IDENTITY_PREFIX}0", "${IDENTITY_PREFIX}1"`);
    expect(sql).not.toContain(`${IDENTITY_PREFIX}2`);
  });

  it('never shows the identity: no block result has its columns', async () => {
    const doc = ordersFlow([exportTo('out.csv')], [['tidy', 'out', 'export', 'in']]);
    const { result } = await run(doc, 'inspect');
    for (const block of result.blocks) {
      for (const [port, rel] of Object.entries(block.outputs)) {
        const names = rel.columns.map((c) => c.name);
        expect(names.filter((n) => n.startsWith(IDENTITY_PREFIX)), `${block.blockId}/${port}`).toEqual([]);
      }
    }
  });

  it('sorts by every column after a block that ends the identity (a SQL block)', async () => {
    const sql = { id: 'mine', kind: 'sql', params: { query: 'SELECT * FROM df', inputs: ['df'] } };
    const doc = ordersFlow([sql, exportTo('out.csv')], [['tidy', 'out', 'mine', 'df'], ['mine', 'out', 'export', 'in']]);
    const { result, out } = await run(doc, 'cli');
    expect(result.ok).toBe(true);
    const [header, ...rows] = ordersInFileOrder().trimEnd().split('\n');
    const byValues = [...rows].sort((a, b) => {
      const [pa, qa] = a.split(',');
      const [pb, qb] = b.split(',');
      return pa! < pb! ? -1 : pa! > pb! ? 1 : Number(qa) - Number(qb);
    });
    expect(exported(out)).toBe(`${[header, ...byValues].join('\n')}\n`);
  });

  it('keeps a file column that has the identity’s name, and the export still writes it', async () => {
    const doc = flowOf(
      [importOf('clash'), importOf('products'), { id: 'join', kind: 'join', params: { keys: [{ left: 'productId', right: 'productId' }] } }, exportTo('out.csv')],
      [
        ['clash', 'out', 'join', 'left'],
        ['products', 'out', 'join', 'right'],
        ['join', 'out', 'export', 'in'],
      ],
    );
    const { result, out } = await run(doc, 'cli');
    expect(result.ok, JSON.stringify(result.blocks.map((b) => b.error?.message))).toBe(true);
    expect(exported(out)).toBe(`${IDENTITY_PREFIX}0,productId_0,productId_1,name,price\na,p2,p2,cake,3.25\nb,p1,p1,coffee,4.0\n`);
  });
});
