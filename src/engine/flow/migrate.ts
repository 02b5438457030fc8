import { fail } from '../errors/catalog';
import { CURRENT_FLOW_VERSION } from './schema';

/** A step that rewrites a document of version N into version N+1. It receives plain JSON and returns plain JSON. */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/**
 * Migrations by the version they upgrade from. Version 1 is the first format, so the table is empty; every format
 * change adds one entry here and one stored legacy fixture under `sample-data/flows/legacy/`.
 */
export const flowMigrations: Readonly<Record<number, Migration>> = {};

/** Brings a document up to `target`, one version at a time. Refuses versions newer than the target. */
export function migrateFlow(
  doc: Record<string, unknown>,
  migrations: Readonly<Record<number, Migration>> = flowMigrations,
  target: number = CURRENT_FLOW_VERSION,
): Record<string, unknown> {
  const found = doc.version;
  if (typeof found !== 'number' || !Number.isInteger(found) || found < 1) {
    fail('E_FLOW_INVALID', { path: '$.version', detail: `expected a positive whole number, found ${JSON.stringify(found)}` });
  }
  if (found > target) fail('E_FLOW_VERSION_NEWER', { found, supported: target });
  let current = doc;
  for (let v = found; v < target; v++) {
    const step = migrations[v] ?? fail('E_FLOW_VERSION_UNKNOWN', { found: v });
    current = { ...step(current), version: v + 1 };
  }
  return current;
}
