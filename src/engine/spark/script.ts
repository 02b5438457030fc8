import { blockDefinition } from '../blocks/registry';
import { sparkEmitter } from '../blocks/spark-registry';
import { WrangleError } from '../errors/catalog';
import type { FlowDocument } from '../flow/schema';
import { buildGraph } from '../plan/graph';
import { pyString, type SparkContext, type SparkExpression } from './contract';
import { EXPRESSION_PREFIX, NotTranslatable, translateExpression } from './duckdb-to-spark';
import { PRELUDE } from './prelude';
import { translateQuery } from './query-to-spark';

/** Parses a DuckDB expression and translates it to Spark SQL (the host has DuckDB's parser; see duckdb-to-spark.ts). */
export type TranslateExpression = (text: string, where: { block: string; setting: string }) => Promise<SparkExpression>;

export interface PySparkJobOptions {
  /** The flow file's name, for the header. */
  source: string;
  /** DuckDB's parser: `json_serialize_sql(sql)` of the host's engine. User SQL is translated from its tree. */
  parse: (sql: string) => Promise<string>;
  /** Told each block whose step knowingly differs from `wrangle run`, and how (the job's comments say it too). */
  onNote?: (note: { block: string; text: string }) => void;
}

/** Python's keywords, and the names a block's function has already. */
const PY_RESERVED = new Set(
  [
    'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield',
    // The job's own names: modules, the prelude's helpers, run and its locals.
    'spark args df rows col F T Window SparkSession argparse json sys INPUTS name_key key_text row_key seeded_unit joined_names output_path check_csv_columns input_path parse_args run session',
    // The helpers model blocks share (spark-als.ts, spark-factors.ts) and evaluate's.
    'model_ratings fit_biases factor_vectors vector_dot factor_table als_summary validation_ratings factor_side factor_dot top_k finite',
  ]
    .join(' ')
    .split(' '),
);

/** A Python identifier from a block id (letters, digits, `_` and `-`). */
function pyName(id: string): string {
  const name = id.replace(/-/g, '_');
  return /^[0-9]/.test(name) || PY_RESERVED.has(name) ? `block_${name}` : name;
}

function indent(lines: readonly string[], by = '    '): string[] {
  return lines.map((l) => (l === '' ? '' : `${by}${l}`));
}

/** The comment above a block's function: its label, kind and settings, as the flow file holds them. */
function settingsComment(block: { id: string; kind: string; label?: string | undefined; params: unknown; fitted?: unknown }): string[] {
  const lines = [`${block.label ?? block.id} (${block.kind} block "${block.id}")`];
  for (const [key, value] of Object.entries(block.params as Record<string, unknown>)) lines.push(`  ${key}: ${JSON.stringify(value)}`);
  if (block.fitted !== undefined) lines.push(`  fitted: ${JSON.stringify(block.fitted)}`);
  return lines.map((l) => `# ${l}`);
}

/**
 * The flow as one standalone PySpark script: a function per block in the flow's order, and a `run(spark, argv)`
 * that calls them, with the arguments of `wrangle run`. A block or construct without a translation is refused with
 * E_SPARK_UNSUPPORTED.
 */
export async function pysparkJob(flow: FlowDocument, options: PySparkJobOptions): Promise<string> {
  const graph = buildGraph(flow);
  const functions: string[][] = [];
  const calls: string[] = [];
  const inputs = new Map<string, string>();
  const used = new Set<string>();
  const translate = expressionTranslator(options.parse);
  const helpers = new Set<string>();
  for (const block of graph.order) {
    const emit = sparkEmitter(block.kind);
    const unsupported = (what: string, where: string, detail?: string) =>
      new WrangleError('E_SPARK_UNSUPPORTED', { block: block.id, what, where, ...(detail ? { detail } : {}) }, block.id);
    if (!emit) throw unsupported(`the ${block.kind} block`, 'its kind', 'no PySpark emitter for this kind yet');
    const name = pyName(block.id);
    if (used.has(name)) throw unsupported(`the block id "${block.id}"`, 'its id', `it gives the same Python name as another block`);
    used.add(name);
    const def = blockDefinition(block.kind);
    const ports = [...def.inputs(block.params)];
    const portVars: Record<string, string> = {};
    const args: string[] = [];
    for (const port of ports) {
      const from = graph.inputsOf.get(block.id)?.[port];
      if (!from) throw unsupported(`input "${port}"`, 'its wiring', 'the input is not connected');
      const upstream = graph.byId.get(from.block)!;
      const many = blockDefinition(upstream.kind).outputs(upstream.params).length > 1;
      args.push(many ? `rows[${pyString(from.block)}][${pyString(from.port)}]` : `rows[${pyString(from.block)}]`);
      portVars[port] = port === 'in' ? 'df' : /^[A-Za-z_][A-Za-z0-9_]*$/.test(port) && !PY_RESERVED.has(port) ? port : `port_${ports.indexOf(port)}`;
    }
    const declared = def.declaredInput?.(block.params);
    if (declared) inputs.set(declared.name, declared.file);
    const ctx: SparkContext<never, never> = {
      blockId: block.id,
      params: block.params as never,
      fitted: block.fitted as never,
      inputs: portVars,
      expression: (text, setting) => translate(text, { block: block.id, setting }),
      query: (text, tables, setting) => translateUserQuery(options.parse, text, new Map(Object.entries(tables).map(([k, v]) => [k.toLowerCase(), v])), { block: block.id, setting }),
      unsupported,
    };
    const step = await emit(ctx);
    for (const helper of step.helpers ?? []) helpers.add(helper.trim());
    for (const text of step.notes ?? []) options.onNote?.({ block: block.id, text });
    const notes = (step.notes ?? []).map((text) => `# Differs from wrangle run: ${text}`);
    const signature = ['spark', 'args', ...Object.values(portVars)].join(', ');
    functions.push([...settingsComment(block), ...notes, `def ${name}(${signature}):`, ...indent(step.body)]);
    const call = `${name}(${['spark', 'args', ...args].join(', ')})`;
    calls.push(def.outputs(block.params).length === 0 ? call : `rows[${pyString(block.id)}] = ${call}`);
  }
  const header = [
    '#!/usr/bin/env python3',
    `"""${flow.name.replace(/"""/g, "'''")}: a PySpark job written by \`wrangle pyspark\` from ${options.source.replace(/"""/g, "'''")}.`,
    '',
    'It gives the same rows as `wrangle run` on DuckDB. Each function below is one block of the flow, in the',
    "flow's order; its comment holds the block's label and settings. Run it with spark-submit or python:",
    '',
    `    spark-submit job.py ${[...inputs.keys()].map((n) => `--input ${n}=s3://bucket/${inputs.get(n)}`).join(' ')} --out s3://bucket/out/`,
    '"""',
    'import argparse',
    'import json',
    'import sys',
    '',
    'from pyspark.sql import SparkSession, Window',
    'from pyspark.sql import functions as F',
    'from pyspark.sql import types as T',
    '',
    `INPUTS = {${[...inputs].map(([n, f]) => `${pyString(n)}: ${pyString(f)}`).join(', ')}}`,
  ];
  const main = [
    'def parse_args(argv):',
    `    parser = argparse.ArgumentParser(description=${pyString(`${flow.name} on Spark (generated by wrangle pyspark)`)})`,
    '    parser.add_argument("--input", action="append", default=[], metavar="NAME=PATH", help="the file for the flow input NAME (repeatable)")',
    '    parser.add_argument("--out", default="out", help="where exports go (default: out)")',
    '    parser.add_argument("--format", choices=["csv", "parquet"], help="write every export in this format")',
    '    parser.add_argument("--force", action="store_true", help="overwrite exports that already exist")',
    '    args = parser.parse_args(argv)',
    '    pairs = [p.split("=", 1) for p in args.input]',
    '    if any(len(p) != 2 or not p[0] or not p[1] for p in pairs):',
    '        parser.error("--input expects NAME=PATH")',
    '    args.input = dict(pairs)',
    '    return args',
    '',
    '',
    'def run(spark, argv):',
    '    """Runs the flow on a Spark session: every block in order, every export written."""',
    '    args = parse_args(argv)',
    "    # DuckDB stops on a failed cast or an overflow; Spark does so with ANSI mode, the default from Spark 4.",
    '    spark.conf.set("spark.sql.ansi.enabled", "true")',
    '    rows = {}  # each block\'s result (a dict by output for a split), by block id',
    ...indent(calls),
    '',
    '',
    'if __name__ == "__main__":',
    `    session = SparkSession.builder.appName(${pyString(flow.name)}).getOrCreate()`,
    '    try:',
    '        run(session, sys.argv[1:])',
    '    finally:',
    '        session.stop()',
  ];
  const shared = [...helpers].flatMap((h) => ['', '', h]);
  return [...header, '', PRELUDE.trim(), ...shared, '', ...functions.flatMap((f) => ['', '', ...f]), '', ...main, ''].join('\n');
}

/** Where a 0-based position is in a text, for an error: `position 12 (line 1, column 13)`. */
function positionInText(text: string, position: number | undefined): string {
  if (position === undefined) return '';
  const before = text.slice(0, position).split('\n');
  return `, position ${position} (line ${before.length}, column ${before[before.length - 1]!.length + 1})`;
}

/** E_SPARK_UNSUPPORTED for what the translators found untranslatable in a user's text. */
function untranslatable(e: NotTranslatable, text: string, where: { block: string; setting: string }): WrangleError {
  return new WrangleError(
    'E_SPARK_UNSUPPORTED',
    { block: where.block, what: e.construct, where: `${where.setting} "${text}"${positionInText(text, e.position)}`, ...(e.detail ? { detail: e.detail } : {}) },
    where.block,
  );
}

/**
 * The translation of user expressions, given the engine's parser (`parse(sql)` gives `json_serialize_sql(sql)`):
 * what has no translation becomes E_SPARK_UNSUPPORTED naming the block, the function or construct, and where it is.
 */
export function expressionTranslator(parse: (sql: string) => Promise<string>): TranslateExpression {
  return async (text, where) => {
    try {
      return { spark: translateExpression(text, await parse(`${EXPRESSION_PREFIX}${text}`)) };
    } catch (e) {
      throw e instanceof NotTranslatable ? untranslatable(e, text, where) : e;
    }
  };
}

/** A `sql` block's query in Spark SQL, reading its inputs from the given views; refusals as for expressions. */
async function translateUserQuery(
  parse: (sql: string) => Promise<string>,
  text: string,
  tables: ReadonlyMap<string, string>,
  where: { block: string; setting: string },
): Promise<SparkExpression> {
  try {
    return { spark: translateQuery(text, await parse(text), tables) };
  } catch (e) {
    throw e instanceof NotTranslatable ? untranslatable(e, text, where) : e;
  }
}
