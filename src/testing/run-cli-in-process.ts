import { main } from '../cli/main';
import type { CliResult } from './run-cli';

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs `wrangle` in this process: the same `main` the binary calls, with stdout and stderr captured. A tenth of the
 * cost of a child process, for tests that run the CLI many times; calls take turns, since output is captured
 * process-wide.
 */
export function runCliInProcess(args: string[]): Promise<CliResult> {
  const turn = queue.then(() => captured(args));
  queue = turn.catch(() => undefined);
  return turn;
}

async function captured(args: string[]): Promise<CliResult> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const writes = { out: process.stdout.write, err: process.stderr.write };
  const into = (sink: string[]) => ((chunk: string | Uint8Array) => sink.push(String(chunk)) > 0) as typeof process.stdout.write;
  process.stdout.write = into(stdout);
  process.stderr.write = into(stderr);
  try {
    const code = await main(args);
    return { code, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    process.stdout.write = writes.out;
    process.stderr.write = writes.err;
  }
}
