import { formatRows } from '../engine/count-words';
import type { ModelProgress } from '../engine/model/als-contract';
import type { ReportTelling } from '../engine/blocks/contract';
import type { BlockEvent, BlockResult } from '../engine/run/executor';

export type ProgressMode = 'tty' | 'plain' | 'quiet';

/** How often a plain log hears about a block that is still running. */
export const PLAIN_HEARTBEAT_MS = 10_000;

const describeRows = (r: BlockResult): string => (r.rows !== undefined ? formatRows(r.rows) : '');

/** One line for a finished block, the same on a TTY and in a log. */
export function blockLine(r: BlockResult, index: number, total: number, label: string, told: ReportTelling = {}): string {
  const head = `[${index + 1}/${total}] ${label}`;
  if (r.status === 'error' && r.error) return `${head}: failed (${r.error.code})`;
  if (r.status === 'blocked') return `${head}: not run (an input failed)`;
  const parts = [describeRows(r), `${r.seconds.toFixed(2)}s`, told.status ?? ''].filter(Boolean);
  return `${head}: ${parts.join('  ')}`;
}

/** One training iteration, e.g. `iteration 3/10  loss 0.8123  train RMSE 0.79  validation RMSE 0.86  (wasm SIMD × 2 workers)`. */
export function iterationLine(p: ModelProgress): string {
  const parts = [
    p.stage ?? '',
    `iteration ${p.iteration}/${p.maxIter}`,
    `loss ${p.loss.toPrecision(5)}`,
    p.trainRmse !== undefined ? `train RMSE ${p.trainRmse.toFixed(4)}` : '',
    p.validationRmse !== undefined ? `validation RMSE ${p.validationRmse.toFixed(4)}` : '',
    `(${p.backend})`,
  ];
  return parts.filter(Boolean).join('  ');
}

/**
 * Reports blocks as they run: on a terminal, a live line with the running block and its elapsed time; otherwise one
 * plain line per finished block; in --json mode nothing (the summary goes to stdout at the end).
 */
export function progressReporter(
  stream: NodeJS.WritableStream,
  mode: ProgressMode,
  labelOf: (id: string) => string,
  tellOf: (id: string, report: unknown) => ReportTelling = () => ({}),
) {
  let timer: ReturnType<typeof setInterval> | undefined;
  const stop = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
  };
  let detail = '';
  let head = '';
  const onEvent = (e: BlockEvent) => {
    if (mode === 'quiet') return;
    if (e.type === 'progress') {
      // A model trains for many seconds: say where it is, each iteration (live on a terminal, a line in a log).
      detail = iterationLine(e.progress);
      if (mode === 'plain') stream.write(`${head}: ${detail}\n`);
      return;
    }
    if (e.type === 'start') {
      const started = Date.now();
      head = `[${e.index + 1}/${e.total}] ${labelOf(e.blockId)}`;
      detail = '';
      const elapsed = () => `${((Date.now() - started) / 1000).toFixed(mode === 'tty' ? 1 : 0)}s`;
      if (mode === 'tty') {
        const draw = () => stream.write(`\r\x1b[2K${head} … ${elapsed()}${detail ? `  ${detail}` : ''}`);
        draw();
        timer = setInterval(draw, 200);
      } else {
        // A log gets a line now and then for a long block, so a slow run never looks like a hung one.
        timer = setInterval(() => stream.write(`${head}: still running, ${elapsed()}\n`), PLAIN_HEARTBEAT_MS);
      }
      return;
    }
    stop();
    const told = tellOf(e.blockId, e.result.report);
    const line = blockLine(e.result, e.index, e.total, labelOf(e.blockId), told);
    // What the block has to tell (how an import read a messy CSV file) goes right under its line.
    const details = (told.details ?? []).map((l) => `    ${l}\n`).join('');
    stream.write(mode === 'tty' ? `\r\x1b[2K${line}\n${details}` : `${line}\n${details}`);
  };
  return { onEvent, stop };
}
