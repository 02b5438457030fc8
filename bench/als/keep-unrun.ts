import { existsSync, readFileSync } from 'node:fs';

/** The bench part each section of als.json (and each of its targets) comes from. */
const PART_OF: Record<string, string> = {
  sweeps: 'sweeps',
  wasmSpeedupOverTs: 'sweeps',
  webgpuSpeedupOverWasmWorkers: 'sweeps',
  wasmAtLeast4xTs: 'sweeps',
  plantedRmse: 'planted',
  plantedTestRmseWithin10PercentOfNoise: 'planted',
  plantedLossNeverIncreases: 'planted',
  cli1MRank32x10: 'cli',
  cli1MRank32x10Under10s: 'cli',
  cli10MRank32x10: 'cli',
  numpyPeer: 'numpy',
  iterationAtLeast4xFasterThanNumpy: 'numpy',
};

type Json = Record<string, unknown>;

/**
 * This run's results, with the sections of the parts it did not run (or ran without that size) kept from the file's
 * last run, and `partsMeasuredAt` saying when each part's figures were taken.
 */
export function keepUnrunSections(path: string, fresh: Json & { targets: Json }, partsRun: Set<string>): Json {
  const previous = (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {}) as Json;
  const keep = (now: Json, before: Json): Json => {
    const out: Json = { ...now };
    for (const [key, value] of Object.entries(now)) {
      const part = PART_OF[key];
      const empty = value === undefined || value === null || (Array.isArray(value) && value.length === 0);
      if (part && (!partsRun.has(part) || empty) && before[key] !== undefined) out[key] = before[key];
    }
    return out;
  };
  const measuredAt = new Date().toISOString();
  // A file from before partsMeasuredAt existed took every part at its `measuredAt`.
  const before = (previous.partsMeasuredAt as Json | undefined) ?? Object.fromEntries([...new Set(Object.values(PART_OF))].map((p) => [p, previous.measuredAt]));
  const partsMeasuredAt = { ...before, ...Object.fromEntries([...partsRun].map((p) => [p, measuredAt])) };
  return { ...keep(fresh, previous), partsMeasuredAt, targets: keep(fresh.targets, (previous.targets as Json | undefined) ?? {}) };
}
