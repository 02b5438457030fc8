import { totalmem } from 'node:os';
import { UsageError } from './usage-error';

/**
 * The default share of the machine's memory that DuckDB may use before it spills. DuckDB's own default (80%) bounds
 * only its buffer manager, not the whole process: Node's heap, the rows a run reads back, the model trainer's
 * threads and DuckDB's untracked allocations come on top, and at 30M ratings the run died at 18.8 of 23.5 GiB.
 * 60% leaves the other 40% for them and for the page cache that the spill files go through.
 */
export const DEFAULT_MEMORY_SHARE = 0.6;

const UNITS: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
};

/** The memory this process may use: the machine's, or its container's limit when that is lower. */
export function machineMemoryBytes(): number {
  const constrained = (process as { constrainedMemory?: () => number | undefined }).constrainedMemory?.() ?? 0;
  const total = totalmem();
  return constrained > 0 && constrained < total ? constrained : total;
}

/** `--memory-limit`: `4GB`, `512MiB`, `60%` (of the machine's memory); the default is DEFAULT_MEMORY_SHARE. */
export function parseMemoryLimit(text: string | undefined, machineBytes = machineMemoryBytes()): number {
  if (text === undefined) return Math.floor(machineBytes * DEFAULT_MEMORY_SHARE);
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%|[kmgt]i?b|b)\s*$/i.exec(text);
  const amount = m ? Number(m[1]) : NaN;
  const unit = m?.[2]?.toLowerCase() ?? '';
  const bytes = unit === '%' ? (machineBytes * amount) / 100 : amount * (UNITS[unit] ?? NaN);
  // Below a few MiB DuckDB cannot hold even one block per thread.
  if (!Number.isFinite(bytes) || bytes < 16 * 2 ** 20 || (unit === '%' && amount > 100)) {
    throw new UsageError(`--memory-limit expects a size such as 4GB, 512MiB or 50% (at least 16MiB), got "${text}"`, 'run');
  }
  return Math.floor(bytes);
}

/** A size for messages: `4.0 GiB`. */
export function formatBytes(bytes: number): string {
  return bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GiB` : `${Math.round(bytes / 2 ** 20)} MiB`;
}
