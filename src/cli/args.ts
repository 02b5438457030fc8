import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error';

/** Options every command that reads inputs shares. */
export const inputOptions = {
  input: { type: 'string', multiple: true },
  data: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/** Parses a command's arguments; unknown options and missing values are usage errors that name the command. */
export function parseCommandArgs<O extends NonNullable<ParseArgsConfig['options']>>(command: string, args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e), command);
  }
}

/** `name=path` pairs from repeated --input options. */
export function parseInputPairs(pairs: readonly string[] | undefined, command: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const pair of pairs ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0 || eq === pair.length - 1) throw new UsageError(`--input expects NAME=PATH, got "${pair}"`, command);
    const name = pair.slice(0, eq);
    if (out.has(name)) throw new UsageError(`--input ${name} is given twice`, command);
    out.set(name, pair.slice(eq + 1));
  }
  return out;
}

/** The one FLOW positional argument. */
export function flowArgument(positionals: string[], command: string): string {
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? 'missing FLOW: the flow file to read' : `expected one FLOW, got ${positionals.length}`, command);
  }
  return positionals[0]!;
}
