import { blockDefinition } from '../blocks/registry';
import type { Compiled, Relation, WrittenFile } from '../blocks/contract';
import type { FlowBlock } from '../flow/schema';
import type { FlowGraph } from '../plan/graph';
import { identityColumn, isIdentityColumn, IDENTITY_PREFIX, type RowIdentity } from '../blocks/row-identity';
import { identList, quoteIdent, quoteLiteral } from '../sql/quote';
import type { SqlRunner } from '../sql/sql-runner';
import { keepsAsTable } from './materialize-policy';
import type { RunPreset } from './presets';
import { relationName, type CachedResult } from './result-cache';

/** How a block's result relates to a row identity (see Materializer.result). */
export type IdentityMode = 'rowid' | 'carried' | 'none';

const identityIndex = (name: string): number => Number(name.slice(IDENTITY_PREFIX.length));

/** How many rows a first look at a big file shows: a few screens of the preview. */
export const FIRST_ROWS = 1000;

/** A block's result table made while the block read its file (ReadSourceContext.loadResult), and from what. */
export interface LoadedResult {
  select: string;
  rows: number;
}

/** Creates the relations of a block's result (a table or a view, and a view per output port), recording each statement. */
export class Materializer {
  constructor(
    private readonly runner: SqlRunner,
    private readonly preset: RunPreset,
    private readonly script: string[],
  ) {}

  /**
   * `identity` says how the result relates to a row identity (row-identity.ts): `rowid` starts one from the table's
   * row numbers (an import), `carried` takes the identity columns the block's SQL wrote (`identityRows` lead their
   * order), `none` has none.
   */
  async result(hash: string, compiled: Compiled, graph: FlowGraph, block: FlowBlock, identity: IdentityMode, identityRows = 0, loaded?: LoadedResult): Promise<CachedResult> {
    const ports = blockDefinition(block.kind).outputs(block.params);
    const main = relationName(hash);
    const kind = this.keepsTable(graph, block, identity, compiled.outputs !== undefined) && !compiled.sink ? 'TABLE' : 'VIEW';
    const create = `CREATE OR REPLACE ${kind} ${quoteIdent(main)} AS ${compiled.select}`;
    this.script.push(create);
    // DuckDB answers CREATE TABLE … AS with the number of rows it wrote, which spares a count query per block.
    let written = Number.NaN;
    // Made while the block read its file, from the same SELECT (a differing one is made again below, replacing it).
    const madeAlready = kind === 'TABLE' && loaded?.select === compiled.select;
    // A script runs nothing: its table is made empty, to check the SQL and give the columns. An identity's size is
    // still counted, since it sets the order the script's exports write (RowIdentity.rows).
    if (madeAlready) written = loaded.rows;
    else if (kind === 'TABLE' && this.preset.dryRun) {
      await this.runner.exec(`CREATE OR REPLACE TABLE ${quoteIdent(main)} AS SELECT * FROM (${compiled.select}) LIMIT 0`);
      if (identity === 'rowid') written = Number((await this.runner.query(`SELECT count(*) AS n FROM (${compiled.select})`))[0]?.n);
    } else if (kind === 'TABLE') written = Number((await this.runner.query(create))[0]?.Count);
    else await this.runner.exec(create);
    const groups = compiled.identityGroups;
    const facts = { rows: identity === 'rowid' ? written : identityRows, ...(groups ? { groups } : {}) };
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
      outputs[port] = await this.withIdentity(ref, identity, facts, relationName(hash, `${i}_rows`), relations);
    }
    const rows = await this.count(main, kind === 'TABLE', written);
    return { outputs, relations, mainIsTable: kind === 'TABLE', ...(rows !== undefined ? { rows } : {}) };
  }

  /**
   * Whether a block's whole result is kept as a table (else a view); `hasPorts`: its outputs are views of their own.
   * An import that starts an identity is a table in every preset (a script too): its rowid is the identity.
   */
  keepsTable(graph: FlowGraph, block: FlowBlock, identity: IdentityMode, hasPorts: boolean): boolean {
    const { materialize } = this.preset;
    return identity === 'rowid' || materialize === 'table' || (materialize === 'auto' && keepsAsTable(graph, block, hasPorts));
  }

  /** Makes a block's result table now, from the SELECT it will compile to (ReadSourceContext.loadResult). */
  async loadResult(hash: string, select: string): Promise<LoadedResult> {
    const rows = Number((await this.runner.query(`CREATE OR REPLACE TABLE ${quoteIdent(relationName(hash))} AS ${select}`))[0]?.Count);
    return { select, rows };
  }

  /**
   * An output relation and the identity beside it. Where the block's SQL wrote identity columns, the output is a view
   * without them (`name`), so previews, profiles and every block that does not keep the identity never see them.
   */
  private async withIdentity(ref: string, identity: IdentityMode, facts: Pick<RowIdentity, 'rows' | 'groups'>, name: string, relations: string[]): Promise<Relation> {
    const described = await this.describe(ref);
    const hidden = identity === 'none' ? [] : described.filter((c) => isIdentityColumn(c.name));
    if (identity === 'rowid') {
      // A file whose own column has the identity's name keeps its column and gets no identity.
      if (hidden.length > 0) return { ref, columns: described };
      relations.push(name);
      await this.exec(`CREATE OR REPLACE VIEW ${quoteIdent(name)} AS SELECT *, rowid AS ${quoteIdent(identityColumn(0))} FROM ${ref}`);
      return { ref, columns: described, identity: { ref: quoteIdent(name), columns: [identityColumn(0)], ...facts } };
    }
    if (hidden.length === 0) return { ref, columns: described };
    const columns = hidden.map((c) => c.name).sort((a, b) => identityIndex(a) - identityIndex(b));
    relations.push(name);
    await this.exec(`CREATE OR REPLACE VIEW ${quoteIdent(name)} AS SELECT * EXCLUDE (${identList(columns)}) FROM ${ref}`);
    return { ref: quoteIdent(name), columns: described.filter((c) => !isIdentityColumn(c.name)), identity: { ref, columns, ...facts } };
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
