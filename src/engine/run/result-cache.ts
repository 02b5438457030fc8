import type { Prepared, Relation, SourceReading } from '../blocks/contract';
import { quoteIdent } from '../sql/quote';
import type { SqlRunner } from '../sql/sql-runner';

/** A block's result as the engine keeps it, under a name derived from its content hash. */
export interface CachedResult {
  outputs: Record<string, Relation>;
  rows?: number;
  /** The relations that hold it: the main one, then its port views. */
  relations: string[];
  /** Whether the main relation is a table (the port views always are views). */
  mainIsTable: boolean;
  /** Tables a model block prepared; they go with the result. */
  prepared?: Prepared;
  /** How the block read its file, where it looked at it first. */
  source?: SourceReading;
  /** What the block's `counts` SELECT found on this result. */
  counted?: Record<string, unknown>;
}

/** The relation that holds the result of a content hash (and, with a port, that port's view of it). */
export const relationName = (hash: string, port?: string): string => `w_${hash.slice(0, 20)}${port === undefined ? '' : `_${port}`}`;

const ownedTables = (cached: CachedResult): string[] => Object.values(cached.prepared?.tables ?? {});

/**
 * Every result computed so far, by content hash, so running an edited flow again recomputes only the blocks whose
 * hash changed: the edited one and those downstream of it.
 */
export class ResultCache {
  private readonly byHash = new Map<string, CachedResult>();
  /** The hash of each block's latest result, to find the result an edit supersedes. */
  private readonly latestHash = new Map<string, string>();

  get(hash: string): CachedResult | undefined {
    return this.byHash.get(hash);
  }

  set(hash: string, result: CachedResult): void {
    this.byHash.set(hash, result);
  }

  /** Forgets every result, e.g. after the engine restarted. */
  clear(): void {
    this.byHash.clear();
    this.latestHash.clear();
  }

  /** Drops the result a block's new hash replaces, unless another block of the flow still has that result. */
  async dropSuperseded(runner: SqlRunner, blockId: string, hash: string): Promise<void> {
    const previous = this.latestHash.get(blockId);
    this.latestHash.set(blockId, hash);
    if (previous === undefined || previous === hash) return;
    if ([...this.latestHash.values()].includes(previous)) return;
    const cached = this.byHash.get(previous);
    if (!cached) return;
    this.byHash.delete(previous);
    const [main, ...views] = cached.relations;
    for (const view of views) await runner.exec(`DROP VIEW IF EXISTS ${quoteIdent(view)}`);
    if (main) await runner.exec(`DROP ${cached.mainIsTable ? 'TABLE' : 'VIEW'} IF EXISTS ${quoteIdent(main)}`);
    for (const table of ownedTables(cached)) await runner.exec(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
  }

  /**
   * Forgets the results whose hash is not in `keep` and returns the names of the relations that held them, port
   * views before their main relation, for the host to drop.
   */
  evict(keep: ReadonlySet<string>): string[] {
    const dropped: string[] = [];
    for (const [hash, cached] of this.byHash) {
      if (keep.has(hash)) continue;
      this.byHash.delete(hash);
      dropped.push(...[...cached.relations].reverse(), ...ownedTables(cached));
    }
    return dropped;
  }
}
