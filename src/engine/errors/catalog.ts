/**
 * One coded catalog of every error a user can meet. UI badges, toasts and CLI messages all render from here,
 * so the same problem reads the same way everywhere.
 */

/** A value in a message: a name, a count, a piece of text. */
type Arg = string | number;

/** Where in the flow file a wiring problem is, when the caller knows: ` See $.edges[3].to.block.` */
const seeAt = (a: { at?: Arg }): string => (a.at === undefined ? '' : ` See ${a.at}.`);

const catalog = {
  E_FLOW_NOT_JSON: (a: { detail: Arg }) => `The file is not valid JSON: ${a.detail}`,
  E_FLOW_INVALID: (a: { path: Arg; detail: Arg }) => `Invalid flow at ${a.path}: ${a.detail}`,
  E_FLOW_VERSION_NEWER: (a: { found: Arg; supported: Arg }) =>
    `This flow was saved by a newer Wrangle (format version ${a.found}, at $.version); this version reads up to ${a.supported}. Update Wrangle to open it.`,
  E_FLOW_VERSION_UNKNOWN: (a: { found: Arg }) => `Unknown flow format version ${a.found} (at $.version).`,
  E_UNKNOWN_BLOCK_KIND: (a: { kind: Arg; path: Arg; known: Arg }) => `Unknown block kind "${a.kind}" at ${a.path}. Known kinds: ${a.known}.`,
  E_PARAMS_INVALID: (a: { path: Arg; detail: Arg }) => `Invalid setting ${a.path}: ${a.detail}`,
  E_DUPLICATE_ID: (a: { id: Arg; at?: Arg }) => `Two blocks share the id "${a.id}".${seeAt(a)}`,
  E_CYCLE: (a: { path: Arg; at?: Arg }) => `The flow has a cycle: ${a.path}.${seeAt(a)}`,
  E_DANGLING_EDGE: (a: { what: Arg; ref: Arg; at?: Arg }) => `A connection refers to ${a.what} "${a.ref}", which does not exist.${seeAt(a)}`,
  E_PORT_UNCONNECTED: (a: { port: Arg }) => `Input "${a.port}" is not connected.`,
  E_PORT_TAKEN: (a: { port: Arg; at?: Arg }) => `Input "${a.port}" has more than one connection.${seeAt(a)}`,
  E_INPUT_CONFLICT: (a: { name: Arg; files: Arg }) => `Input "${a.name}" is declared with two different files: ${a.files}.`,
  E_INPUT_UNMAPPED: (a: { name: Arg; file: Arg }) => `No file given for input "${a.name}" (expects ${a.file}). Pass --input ${a.name}=PATH or --data DIR.`,
  E_INPUT_NOT_FOUND: (a: { name: Arg; file: Arg }) => `Input "${a.name}": file not found: ${a.file}`,
  E_INPUT_EMPTY: (a: { name: Arg; file: Arg; detail?: Arg }) => `Input "${a.name}" (${a.file}) has 0 data rows${a.detail ? `: ${a.detail}` : ''}.`,
  E_CSV_LINE_TOO_LONG: (a: { name: Arg; file: Arg; line: Arg; limit: Arg; size?: Arg }) =>
    `Input "${a.name}" (${a.file}): line ${a.line} is longer than the maximum line size of ${a.limit} bytes${a.size ? ` (it is ${a.size} bytes)` : ''}. Raise "Max line size" on the import block (csv.maxLineSize)${a.size ? ` to at least ${a.size}` : ''}, or check the delimiter and quote settings.`,
  E_CSV_BAD_ROWS: (a: { name: Arg; file: Arg; line: Arg; reason: Arg }) =>
    `Input "${a.name}" (${a.file}): line ${a.line} is malformed: ${a.reason}. Set "Bad rows" on the import block to pad or reject such rows, or fix the dialect settings.`,
  E_CSV_ENCODING: (a: { name: Arg; file: Arg; encoding: Arg; line?: Arg }) =>
    `Input "${a.name}" (${a.file}) is not valid ${a.encoding} text${a.line !== undefined ? `: line ${a.line} has a byte that does not decode as ${a.encoding}` : ''}. Choose its encoding on the import block (csv.encoding): utf-8, utf-16, latin-1 or windows-1252.`,
  E_CSV_NUL_BYTE: (a: { name: Arg; file: Arg; line: Arg }) =>
    `Input "${a.name}" (${a.file}): line ${a.line} holds a NUL byte (0x00), which text never has. Remove it from the file, or check that the file is text (a UTF-16 file without a byte order mark: choose utf-16 in csv.encoding).`,
  E_CSV_UNTERMINATED_QUOTE: (a: { name: Arg; file: Arg; line: Arg; quote: Arg }) =>
    `Input "${a.name}" (${a.file}): line ${a.line} opens a quoted field with ${a.quote} that is never closed, so the rest of the file would be one cell. Close or double the quote in the file, or set the quote to none on the import block (csv.quote: "") if quote marks are ordinary characters there.`,
  E_NOT_A_TABLE: (a: { name: Arg; file: Arg; looksLike: Arg; advice: Arg }) =>
    `Input "${a.name}" (${a.file}) is not a table: its bytes look like ${a.looksLike}. ${a.advice}`,
  E_INPUT_READ: (a: { name: Arg; file: Arg; detail: Arg }) => `Input "${a.name}" (${a.file}) could not be read: ${a.detail}`,
  E_COLUMN_MISSING: (a: { column: Arg; where: Arg; available: Arg }) => `Column "${a.column}" does not exist in ${a.where}. Available: ${a.available}.`,
  E_JOIN_KEY_MISSING: (a: { column: Arg; side: Arg; available: Arg; from?: Arg; closest?: Arg }) =>
    `The ${a.side} input${a.from === undefined ? '' : `, from block "${a.from}",`} has no column "${a.column}" to join on (was it renamed or dropped upstream?). ${a.closest === undefined ? `Choose the ${a.side} key again; its columns are ${a.available}.` : `Did you mean "${a.closest}"? Choose the ${a.side} key again.`}`,
  E_COLUMN_EXISTS: (a: { column?: Arg; existing?: Arg; detail?: Arg }) =>
    `Column "${a.column}" already exists${a.existing === undefined || a.existing === a.column ? '' : ` as "${a.existing}" (DuckDB does not tell ASCII upper and lower case apart in column names)`}.${a.detail ? ` ${a.detail}` : ''}`,
  // `what` names the expression (`Formula for "y"`, `Filter condition`); `detail` is a sentence in the user's words.
  E_FORMULA_SYNTAX: (a: { what: Arg; detail: Arg }) => `${a.what}: ${a.detail}`,
  E_FORMULA_INVALID: (a: { what: Arg; detail: Arg }) => `${a.what}: ${a.detail}`,
  E_SQL_INVALID: (a: { detail: Arg; what?: Arg }) => `${a.what ?? 'The SQL is not valid'}: ${a.detail}`,
  E_SQL_NOT_SELECT: (a: { detail: Arg }) => `Only a single SELECT is allowed here: ${a.detail}`,
  E_SQL_REFUSED: (a: { setting: Arg; what: Arg; name: Arg; position: Arg; reason: Arg }) =>
    `${a.setting} ${a.what} "${a.name}" at position ${a.position}, which a flow may not use: ${a.reason}.`,
  E_SPLIT_FRACTIONS: (a: { sum: Arg }) => `Split fractions must sum to 1; they sum to ${a.sum}.`,
  E_FACTORS_INVALID: (a: { port: Arg; detail: Arg }) =>
    `The "${a.port}" input is not a factor table (an id column, then bias, then f0, f1, …): ${a.detail}.`,
  E_FACTORS_RANK_MISMATCH: (a: { users: Arg; items: Arg }) =>
    `The users factors have rank ${a.users} and the items factors rank ${a.items}: connect the users and items outputs of one model.`,
  E_NOT_FITTED: (a: { what: Arg }) => `This block has no fitted state yet (${a.what}). Run the flow on data to fit it.`,
  E_TYPES_FORMAT: (a: { column: Arg; format: Arg; detail: Arg }) => `The format of column "${a.column}" (${a.format}) cannot be used: ${a.detail}.`,
  E_UNKNOWN_CATEGORY: (a: { column: Arg; value: Arg }) => `Column "${a.column}" has a value not seen when fitting: ${a.value}.`,
  E_SPARK_UNSUPPORTED: (a: { block: Arg; what: Arg; where: Arg; detail?: Arg }) =>
    `Block "${a.block}" cannot become PySpark: ${a.what} (${a.where}) has no translation${a.detail ? `: ${a.detail}` : ''}. Change it, or run this flow with wrangle run.`,
  E_QUERY_FAILED: (a: { detail: Arg }) => `The query failed: ${a.detail}`,
  E_SANDBOX_DENIED: (a: { detail: Arg }) => `Refused by the sandbox: ${a.detail}`,
  E_OUT_OF_MEMORY: (a: { detail: Arg }) =>
    `The engine ran out of memory (${a.detail}). With wrangle run, raise --memory-limit (default: 60% of the machine's memory), or give --temp-dir a directory on a disk with more free space, where it spills; fewer --threads also need less memory.`,
  E_OUTPUT_WRITE: (a: { file: Arg; detail: Arg }) => `Could not write output ${a.file}: ${a.detail}`,
  E_OUTPUT_EXISTS: (a: { file: Arg }) => `Output ${a.file} already exists. Pass --force to overwrite it.`,
  E_OUTPUT_DUPLICATE: (a: { file: Arg }) => `Two export blocks write the same file "${a.file}".`,
  E_TRAINER_MISSING: (a: { block: Arg }) => `Block "${a.block}" needs a model trainer, and none is available here.`,
  E_MODEL_COLUMN_TYPE: (a: { column: Arg; type: Arg; role: Arg }) => `Column "${a.column}" is ${a.type}; the ${a.role} column must be numeric.`,
  E_MODEL_NO_DATA: (a: { detail: Arg }) => `Nothing to train on: ${a.detail}`,
  E_MODEL_ID_CLASH: (a: { side: Arg; column: Arg }) =>
    `The ${a.side} id column "${a.column}" has the name of a factor column (bias, f0, f1, …). Rename it before training.`,
  E_CANCELLED: () => 'Cancelled.',
  E_TRAINING_CANCELLED: (a: { block: Arg }) => `Training of block "${a.block}" was cancelled. Train it again, or edit it, to retrain.`,
  E_RUN_STOPPED: (a: { block: Arg }) => `Block "${a.block}" was stopped before it finished. Run it again, or edit it, to compute it.`,
  E_EXPORT_SAMPLED: (a: { block: Arg; file: Arg; inputs: Arg }) =>
    `Export "${a.block}" would write only the preview's sample of ${a.inputs}: ${a.file} needs every row, too many for this tab. Run the flow with \`wrangle run\` to write it.`,
  E_NO_RESULT: (a: { block: Arg; what: Arg }) => `Block "${a.block}" has no ${a.what} yet. Run the flow, or fix the block, first.`,
  E_ENGINE_RESTARTED: (a: { reason: Arg }) => `The engine restarted (${a.reason}) before it answered.`,
  E_ENGINE_CRASHED: () => 'The engine crashed before it answered.',
  E_ENGINE_BROKEN: () => 'The engine keeps crashing. Reload the page to start it again.',
  E_ALS_MEMORY: (a: { rank: Arg; neededMiB: Arg; grantedMiB: Arg }) =>
    `ALS training at rank ${a.rank} needs ${a.neededMiB} MiB of WebAssembly memory; the engine gave no more than ${a.grantedMiB} MiB. Sample the ratings or lower the rank.`,
  E_GPU_RANK_TOO_LARGE: (a: { max: Arg; rank: Arg }) => `The WebGPU kernel solves rank up to ${a.max}; rank ${a.rank} was asked for. Lower the rank or train on the CPU.`,
  E_GPU_LIMIT: (a: { what: Arg; need: Arg; limit: Arg }) => `The GPU cannot hold ${a.what}: it needs ${a.need} bytes in one buffer and this adapter allows ${a.limit}.`,
  E_GPU_FAILED: (a: { detail: Arg }) => `The WebGPU kernel failed: ${a.detail}`,
  E_UNSUPPORTED_STEP: (a: { operator: Arg; reason: Arg }) =>
    `The imported step ${a.operator} cannot run here: ${a.reason}. Replace it with blocks that do the same; the blocks after it wait for it.`,
} as const;

export type ErrorCode = keyof typeof catalog;

/** The arguments an error's message needs: leaving one out, or naming one it does not use, does not compile. */
export type ErrorArgs<C extends ErrorCode> = [ErrorCode] extends [C]
  ? AnyErrorArgs
  : Parameters<(typeof catalog)[C]> extends [infer A]
    ? A
    : Record<string, never>;

/** The arguments of an error whose code is not known statically, as a WrangleError keeps them once made. */
type AnyErrorArgs = Readonly<Record<string, Arg | undefined>>;

const message = (code: ErrorCode, args: AnyErrorArgs): string => (catalog[code] as (a: AnyErrorArgs) => string)(args);

/**
 * Where in a block's setting the problem is, for the form to underline: the param's path (`expression`), its text when
 * the error was found, and a range of that text (0-based, `to` exclusive).
 */
export interface ErrorSpan {
  param: string;
  text: string;
  from: number;
  to: number;
}

/** An error a user can act on: a code from the catalog, its message, and the block it belongs to, if any. */
export class WrangleError<C extends ErrorCode = ErrorCode> extends Error {
  // C types only what the constructor accepts: once made, every WrangleError is one type.
  readonly code: ErrorCode;
  readonly blockId: string | undefined;
  readonly args: AnyErrorArgs;
  readonly span: ErrorSpan | undefined;

  constructor(code: C, args: ErrorArgs<C>, blockId?: string, span?: ErrorSpan) {
    // Each entry's own argument type is a plain record of message values.
    const plain = args as unknown as AnyErrorArgs;
    super(message(code, plain));
    this.name = 'WrangleError';
    this.code = code;
    this.args = plain;
    this.blockId = blockId;
    this.span = span;
  }

  /** The same error, attributed to a block. */
  inBlock(blockId: string): WrangleError {
    return this.blockId === blockId ? this : new WrangleError(this.code, this.args, blockId, this.span);
  }

  /** The plain-data form that crosses worker boundaries and goes into `--json` output. */
  toJSON(): { code: ErrorCode; message: string; blockId?: string; span?: ErrorSpan } {
    return { code: this.code, message: this.message, ...(this.blockId ? { blockId: this.blockId } : {}), ...(this.span ? { span: this.span } : {}) };
  }
}

/** Shorthand for `throw new WrangleError(...)` in expression position. */
export function fail<C extends ErrorCode>(code: C, args: ErrorArgs<C>, blockId?: string): never {
  throw new WrangleError(code, args, blockId);
}

export function isWrangleError(e: unknown): e is WrangleError {
  return e instanceof WrangleError;
}

/**
 * The line of a setting's text an error is in, with carets under its range, for a terminal:
 * `  0.3*valnce + 1` over `      ^^^^^^`. Empty when the error has no span.
 */
export function underlineSpan(span: ErrorSpan | undefined, indent = '  '): string[] {
  if (!span) return [];
  const start = Math.max(span.text.lastIndexOf('\n', span.from - 1), span.text.lastIndexOf('\r', span.from - 1)) + 1;
  const ends = [span.text.indexOf('\n', span.from), span.text.indexOf('\r', span.from)].filter((i) => i >= 0);
  const end = ends.length > 0 ? Math.min(...ends) : span.text.length;
  const line = span.text.slice(start, end).replace(/\t/g, ' ');
  const width = Math.max(1, Math.min(span.to, end) - span.from);
  return [`${indent}${line}`, `${indent}${' '.repeat(span.from - start)}${'^'.repeat(width)}`];
}

/** One line for a terminal or a toast: `block "join1" E_JOIN_KEY_MISSING: ...`. */
export function formatError(e: WrangleError): string {
  return `${e.blockId ? `block "${e.blockId}": ` : ''}${e.code}: ${e.message}`;
}
