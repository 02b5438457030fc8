import { formatError, isWrangleError, underlineSpan } from '../engine/errors/catalog';
import { helpText } from './help';
import { EXIT_FLOW_ERROR, EXIT_USAGE, UsageError } from './usage-error';

type Command = (args: string[]) => Promise<number>;

// Loaded on use, so `--help` and usage errors do not load native DuckDB (a third of the bundled CLI's start-up).
const commands: Record<string, () => Promise<Command>> = {
  run: async () => (await import('./commands/run')).runCommand,
  validate: async () => (await import('./commands/validate')).validateCommand,
  sql: async () => (await import('./commands/sql')).sqlCommand,
  'import-dw': async () => (await import('./commands/import-dw')).importDwCommand,
  pyspark: async () => (await import('./commands/pyspark')).pysparkCommand,
};

/** The `wrangle` entry point: returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${helpText.main}\n`);
    return name === undefined ? EXIT_USAGE : 0;
  }
  const loadCommand = commands[name];
  if (!loadCommand) {
    process.stderr.write(`wrangle: unknown command "${name}"\n\n${helpText.main}\n`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${helpText[name]}\n`);
    return 0;
  }
  try {
    return await (await loadCommand())(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`wrangle ${e.command ?? name}: ${e.message}\n\n${helpText[e.command ?? name] ?? helpText.main}\n`);
      return EXIT_USAGE;
    }
    if (isWrangleError(e)) {
      process.stderr.write(`error: ${formatError(e)}\n${underlineSpan(e.span).map((l) => `${l}\n`).join('')}`);
      return EXIT_FLOW_ERROR;
    }
    process.stderr.write(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_FLOW_ERROR;
  }
}
