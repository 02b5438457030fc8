import { z } from 'zod';
import { readFactorMatrix, topKSelect, writeTopK } from '../../model/top-k-data';
import { ColumnNameSet } from '../columns';
import { readFactorTable, type FactorTable } from '../factor-tables';
import { defineBlock, SINGLE_OUT, type Relation } from '../contract';

const params = z
  .object({
    k: z.number().int().min(1).max(1000).default(10),
    /** Cosine compares directions only; dot also rewards long (often popular) item vectors. */
    metric: z.enum(['cosine', 'dot']).default('cosine'),
  })
  .strict();

export type SimilarItemsParams = z.infer<typeof params>;

/** The output columns: `<id>`, `similar_<id>`, `similarity`, `rank`; an id named like the fixed two is refused. */
function outputNames(id: string): { item: string; similar: string } {
  const names = new ColumnNameSet(['similarity', 'rank']);
  const detail = 'The output has its own "similarity" and "rank" columns: rename the id column first.';
  return { item: names.add(id, detail), similar: names.add(`similar_${id}`, detail) };
}

function checkedItems(rel: Relation): FactorTable {
  const items = readFactorTable(rel, 'items');
  outputNames(items.id.name);
  return items;
}

export const similarItemsBlock = defineBlock({
  kind: 'similar-items',
  family: 'model',
  title: 'Similar items',
  description: 'The k items nearest to each item by its factors (cosine or dot product): "more like this".',
  params,
  inputs: () => ['items'],
  outputs: () => SINGLE_OUT,
  // Every item × item pair is scored in the trainer's top-k kernel, which keeps k per item: at 7,253 tracks, SQL formed
  // 53M pairs and took 17 s natively.
  async prepare(ctx) {
    const items = checkedItems(ctx.inputs.items);
    const map = ctx.table('item_ids');
    const m = await readFactorMatrix(ctx, items, map);
    const result = await ctx.models.topK({ queries: m.factors, queryBias: null, items: m.factors, itemBias: null, rank: items.rank, k: ctx.params.k, metric: ctx.params.metric, exclude: null, excludeSelf: true });
    const table = ctx.table('top_k');
    await writeTopK(ctx, table, result);
    return { tables: { items: map, result: table } };
  },
  compile({ inputs, prepared }) {
    const names = outputNames(readFactorTable(inputs.items, 'items').id.name);
    const t = prepared!.tables;
    return { select: topKSelect(t.result!, { queries: t.items!, items: t.items! }, { query: names.item, item: names.similar, score: 'similarity' }) };
  },
});
