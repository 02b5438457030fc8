/**
 * Settings read from the data for blocks the user has just added: once every input of such a block has columns, its
 * kind's `suggest` hook looks at them (and at a profile of the inputs) and fills in what they make certain, such as
 * the key both sides of a join share. A block the user has already set up, or one loaded from a file, is left alone.
 */
import type { FlowBlock, FlowDocument } from '../../engine/flow/schema';
import type { EngineClient } from '../../worker/engine-api';
import { suggestSettings, suggestsSettings } from '../blocks/hook-registry';
import { upstreamColumns } from '../inspector/upstream-columns';
import { hasStartingParams } from './default-params';
import type { Runtime } from './run-state';

export interface SuggestDeps {
  doc(): FlowDocument;
  runtime(): Runtime;
  engine(): EngineClient | undefined;
  /** Applies the suggested settings, if the block still has the params they were read for. */
  apply(blockId: string, basis: unknown, params: unknown): void;
}

export class SettingsSuggester {
  /** Blocks added in this session: only these get settings read for them. */
  private readonly added = new Set<string>();
  /** Each block's inputs once looked at, so the same columns are not read twice. */
  private readonly seen = new Set<string>();

  constructor(private readonly deps: SuggestDeps) {}

  blockAdded(id: string): void {
    this.added.add(id);
  }

  /** Looks at every newly added block whose inputs have columns now; cheap when nothing changed. */
  check(): void {
    const engine = this.deps.engine();
    if (!engine || this.added.size === 0) return;
    const doc = this.deps.doc();
    for (const block of doc.blocks) {
      if (this.added.has(block.id) && suggestsSettings(block.kind) && hasStartingParams(block.kind, block.params)) this.look(doc, block, engine);
    }
  }

  private look(doc: FlowDocument, block: FlowBlock, engine: EngineClient): void {
    const columns = upstreamColumns(doc, this.deps.runtime(), block);
    const ports = Object.keys(columns);
    if (ports.length === 0 || ports.some((p) => (columns[p] ?? []).length === 0)) return;
    const key = `${block.id}\u0000${JSON.stringify(columns)}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const profile = (port: string) => {
      const edge = doc.edges.find((e) => e.to.block === block.id && e.to.port === port);
      // A profile that fails (the worker restarted, the upstream block changed) only means less is certain.
      return edge ? engine.profile(edge.from.block, edge.from.port).catch(() => undefined) : Promise.resolve(undefined);
    };
    suggestSettings(block, { columns, profile })
      ?.then((patch) => {
        if (patch && Object.keys(patch).length > 0) this.deps.apply(block.id, block.params, { ...(block.params as object), ...patch });
      })
      .catch(() => undefined);
  }
}
