import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixturesDir } from '../../testing/goldens';

/** The music flow as plain JSON, to mutate in a test. */
export type FlowJson = {
  version: number;
  blocks: { id: string; kind: string; params: Record<string, unknown>; fitted?: unknown }[];
  edges: { from: { block: string; port: string }; to: { block: string; port: string } }[];
  [k: string]: unknown;
};

export function musicFlow(): FlowJson {
  return JSON.parse(readFileSync(join(fixturesDir, 'music-recommendation.flow.json'), 'utf8')) as FlowJson;
}

export function blockOf(flow: FlowJson, id: string) {
  const b = flow.blocks.find((x) => x.id === id);
  if (!b) throw new Error(`no block ${id}`);
  return b;
}

/** Writes a flow into a fresh temp dir; returns its path and an output dir path (not created). */
export function writeFlow(flow: unknown): { path: string; out: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'wrangle-flow-'));
  const path = join(dir, 'test.flow.json');
  writeFileSync(path, typeof flow === 'string' ? flow : JSON.stringify(flow));
  return { path, out: join(dir, 'out'), dir };
}
