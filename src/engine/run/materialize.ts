import { blockDefinition } from '../blocks/registry';
import type { Compiled, Relation, WrittenFile } from '../blocks/contract';
import type { FlowBlock } from '../flow/schema';
import type { FlowGraph } from '../plan/graph';
import { quoteIdent, quoteLiteral } from '../sql/quote';
import type { SqlRunner } from '../sql/sql-runner';
import { keepsAsTable } from './materialize-policy';
import type { RunPreset } from './presets';
import { relationName, type CachedResult } from './result-cache';

/** How many rows a first look at a big file shows: a few screens of the preview. */
export const FIRST_ROWS = 1000;

/** Creates the relations of a block's result (a table or a view, and a view per output port), recording each statement. */
export class Materializer {
  constructor(
    private readonly runner: SqlRunner,
    private readonly preset: RunPreset,
    private readonly script: string[],
  ) {}

  async result(hash: string, compiled: Compiled, graph: FlowGraph, block: FlowBlock): Promise<CachedResult> {
    const ports = blockDefinition(block.kind).outputs(block.params);
    const { materialize } = this.preset;
    const asTable = materialize === 'table' || (materialize === 'auto' && keepsAsTable(graph, block, compiled.outputs !== undefined));
    const main = relationName(hash);
    const kind = asTable && !compiled.sink ? 'TABLE' : 'VIEW';
    const create = `CREATE OR REPLACE ${kind} ${quoteIdent(main)} AS ${compiled.select}`;
    this.script.push(create);
    // DuckDB answers CREATE TABLE … AS with the number of rows it wrote, which spares a count query per block.
    let written = Number.NaN;
    if (kind === 'TABLE') written = Number((await this.runner.query(create))[0]?.Count);
    else await this.runner.exec(create);
    const portSql = compiled.outputs?.(quoteIdent(main));
    const outputs: Record<string, Relation> = {};
    const relations = [main];
    for (const [i, port] of ports.entries()) {
      let ref = quoteIdent(main);
      const sql = portSql?.[port];
      if (sql !== undefined) {
        const view = relationName(hash, String(i));
        relations.push(view);
        ref = quoteIdent(view);
        await this.exec(`CREATE OR REPLACE VIEW ${ref} AS ${sql}`);
      }
      outputs[port] = { ref, columns: await this.describe(ref) };
    }
    const rows = await this.count(main, kind === 'TABLE', written);
    return { outputs, relations, mainIsTable: kind === 'TABLE', ...(rows !== undefined ? { rows } : {}) };
  }

  private async count(main: string, isTable: boolean, written: number): Promise<number | undefined> {
    const { countRows, dryRun } = this.preset;
    if (dryRun || countRows === 'none' || (countRows === 'tables' && !isTable)) return undefined;
    if (Number.isSafeInteger(written)) return written;
    return Number((await this.runner.query(`SELECT count(*) AS n FROM ${quoteIdent(main)}`))[0]?.n ?? 0);
  }

  /** A view of the first rows of a block's SELECT, which reads only the start of its file. */
  async firstRows(hash: string, select: string): Promise<{ name: string; relation: Relation }> {
    const name = `${relationName(hash)}_first`;
    await this.runner.exec(`CREATE OR REPLACE VIEW ${quoteIdent(name)} AS SELECT * FROM (${select}) LIMIT ${FIRST_ROWS}`);
    return { name, relation: { ref: quoteIdent(name), columns: await this.describe(quoteIdent(name)) } };
  }

  /** Writes a block's sink with DuckDB's COPY (only records it, in a dry run). */
  async sink(compiled: Compiled, path: string): Promise<WrittenFile> {
    const sink = compiled.sink!;
    const sql = `COPY (${compiled.select}) TO ${quoteLiteral(path)} (${sink.copyOptions})`;
    this.script.push(sql);
    if (this.preset.dryRun) return { fileName: sink.fileName, path, rows: 0 };
    const first = (await this.runner.query(sql))[0];
    return { fileName: sink.fileName, path, rows: first ? Number(Object.values(first)[0] ?? 0) : 0 };
  }

  private async exec(sql: string): Promise<void> {
    this.script.push(sql);
    await this.runner.exec(sql);
  }

  private async describe(ref: string): Promise<Relation['columns']> {
    const rows = await this.runner.query(`DESCRIBE ${ref}`);
    return rows.map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
  }
}
