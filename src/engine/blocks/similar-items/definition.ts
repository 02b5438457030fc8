import { z } from 'zod';
import { fail } from '../../errors/catalog';
import { quoteIdent } from '../../sql/quote';
import { dotProduct, readFactorTable, vectorNorm, type FactorTable } from '../factor-tables';
import { topPerGroup } from '../top-k';
import { defineBlock, SINGLE_OUT } from '../types';

const params = z
  .object({
    k: z.number().int().min(1).max(1000).default(10),
    /** Cosine compares directions only; dot also rewards long (often popular) item vectors. */
    metric: z.enum(['cosine', 'dot']).default('cosine'),
  })
  .strict();

export type SimilarItemsParams = z.infer<typeof params>;

/** One side of the item pairs: the id as `item_id`, the factors under their own names, and the vector's length. */
function side(items: FactorTable): string {
  const factors = items.factors.map((f) => `v.${quoteIdent(f.name)}`).join(', ');
  return `SELECT v.${quoteIdent(items.id.name)} AS item_id, ${factors}, ${vectorNorm('v', items)} AS norm FROM ${items.rel.ref} AS v`;
}

function similarity(items: FactorTable, metric: SimilarItemsParams['metric']): string {
  const dot = dotProduct({ alias: 'a', table: items }, { alias: 'b', table: items });
  if (metric === 'dot') return dot;
  // A zero vector has no direction: its cosine with anything is 0, never a division by zero. Rounding can carry a
  // cosine just past ±1, so it is held to [-1, 1].
  return `CASE WHEN a.norm = 0 OR b.norm = 0 THEN 0.0 ELSE greatest(-1.0, least(1.0, ${dot} / (a.norm * b.norm))) END`;
}

export const similarItemsBlock = defineBlock({
  kind: 'similar-items',
  family: 'model',
  title: 'Similar items',
  description: 'The k items nearest to each item by its factors (cosine or dot product): "more like this".',
  params,
  inputs: () => ['items'],
  outputs: () => SINGLE_OUT,
  compile({ params: p, inputs }) {
    const items = readFactorTable(inputs.items!, 'items');
    const name = items.id.name;
    const similarName = `similar_${name}`;
    if (name === 'similarity' || name === 'rank') fail('E_COLUMN_EXISTS', { column: name });
    const pairs =
      `SELECT a.item_id AS group_id, b.item_id AS item_id, ${similarity(items, p.metric)} AS value ` +
      `FROM (${side(items)}) AS a JOIN (${side(items)}) AS b ON a.item_id <> b.item_id`;
    return { select: topPerGroup(pairs, p.k, { group: name, item: similarName, value: 'similarity' }) };
  },
});
