import type { BlockKind } from '../../engine/blocks/registry';
import { parseParams } from './parse-once';

/**
 * Starting settings for the kinds whose schema has required fields. A column name here is only a placeholder the
 * form replaces: until then the block says plainly that the column does not exist, and the rest of the flow runs.
 */
const startingParams: Partial<Record<BlockKind, unknown>> = {
  import: { input: 'data', file: 'data.csv', format: 'csv' },
  missing: { columns: ['column'], strategy: 'mode' },
  scale: { columns: ['column'], method: 'standard' },
  'one-hot': { column: 'column' },
  ordinal: { column: 'column' },
  'multi-hot': { column: 'column' },
  formula: { column: 'new_column', expression: '1' },
  sql: { query: 'SELECT * FROM df', inputs: ['df'] },
  aggregate: { groupBy: [], aggregations: [{ column: '*', fn: 'count', as: 'rows' }] },
  'manage-columns': { operations: [{ op: 'drop', columns: ['column'] }] },
  filter: { condition: 'true' },
  // Dropping exact duplicate rows needs no column, so a fresh block already does something sensible.
  'manage-rows': { op: 'drop-duplicates' },
  sample: { mode: 'first', rows: 1000 },
  export: { file: 'output.csv', format: 'csv' },
  // Importers make these (never the palette); a hand-made one says it stands for nothing yet.
  unsupported: { operator: 'none', reason: 'Added by hand: replace it with the blocks that do this step.' },
};

/** The params a new block of this kind starts with: always valid for its schema (parsed, defaults filled in). */
export function defaultParams(kind: BlockKind): unknown {
  const parsed = parseParams(kind, startingParams[kind] ?? {});
  if (!parsed.success) {
    // A schema change that breaks a starting value must fail loudly: default-params.test.ts checks every kind.
    throw new Error(`Default params of "${kind}" do not match its schema: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
  return parsed.data;
}


/** Whether a block still has the settings it started with: the user has not chosen anything on it yet. */
export function hasStartingParams(kind: BlockKind, params: unknown): boolean {
  return JSON.stringify(params) === JSON.stringify(defaultParams(kind));
}
