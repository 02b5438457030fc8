import { blockRegistry, type BlockKind } from '../../engine/blocks/registry';
import { jsonPath } from '../../engine/flow/parse';
import type { FlowEdge } from '../../engine/flow/schema';
import { TranslationError } from './expr/ast';
import type { DwNode } from './dw-flow';
import type { NodeStatus } from './report';
import type { ReadParquetRows } from './spark-model';

/** A block about to go into the flow. Its params are checked against the kind's schema when it is made. */
export interface DraftBlock {
  id: string;
  kind: BlockKind;
  label?: string;
  description?: string;
  params: Record<string, unknown>;
  fitted?: unknown;
}

export interface Endpoint {
  block: string;
  port: string;
}

/** What one Data Wrangler node became. */
export interface NodeTranslation {
  blocks: DraftBlock[];
  edges: FlowEdge[];
  /** Where each of the node's inputs connects, in the node's input order. */
  entries: (Endpoint | undefined)[];
  /** Where each of the node's outputs comes from, by Data Wrangler output name. */
  exits: Record<string, Endpoint>;
  status: NodeStatus;
  detail: string;
  nondeterministic?: string[];
  /** A note for the block that feeds this node (an analysis with no block of its own). */
  upstreamNote?: string;
  /** Nodes that read this one read what feeds it (a named dataset, a destination, an analysis). */
  passThrough?: boolean;
}

/** What a node's translation may use. */
export interface NodeContext {
  node: DwNode;
  /** A block id not used yet, readable: `join_47ffa6be`. */
  blockId(hint: string): string;
  readParquetRows?: ReadParquetRows;
  /** The name of the output each input reads (`Train`), and the upstream node's name where it has one. */
  inputSource(i: number): { outputName: string; nodeName?: string } | undefined;
  /** Reserves an export file name, adding `_2`, `_3` to a name already taken. */
  exportFile(name: string): string;
  /** The logical input name for a file, the same for the same file. */
  inputName(file: string): string;
  /** Whether a types step takes Data Wrangler's stored schema, or infers types from the data it runs on. */
  typesFrom: 'data' | 'file';
}

/** The description every imported block carries: where it came from, and any notes. */
export function origin(node: DwNode, ...notes: (string | undefined)[]): string {
  return [`Imported from Data Wrangler: ${node.operator} (node ${node.id}).`, ...notes.filter((n): n is string => !!n)].join('\n');
}

/** Makes a draft block, checking its params against the kind's schema so a bad translation never reaches the flow. */
export function draft(ctx: NodeContext, kind: BlockKind, params: Record<string, unknown>, extra: { label?: string; fitted?: unknown; note?: string } = {}): DraftBlock {
  const schema = blockRegistry[kind].params;
  const checked = schema.safeParse(params);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new TranslationError(`the ${kind} block would get invalid settings at ${jsonPath(issue?.path ?? [])}: ${issue?.message ?? 'invalid'}`);
  }
  return {
    id: ctx.blockId(kind),
    kind,
    ...(extra.label !== undefined && { label: extra.label.slice(0, 200) }),
    description: origin(ctx.node, extra.note),
    params,
    ...(extra.fitted !== undefined && { fitted: extra.fitted }),
  };
}

/**
 * Blocks that run one after another, each reading the previous one's `out`: the first takes the node's input, the
 * last gives every one of its outputs.
 */
export function chain(ctx: NodeContext, blocks: DraftBlock[], status: NodeStatus, detail: string, nondeterministic?: string[]): NodeTranslation {
  const first = blocks[0];
  const last = blocks[blocks.length - 1];
  if (!first || !last) throw new TranslationError('the translation made no blocks');
  const ports = (b: DraftBlock) => {
    const def = blockRegistry[b.kind];
    const params = def.params.parse(b.params) as never;
    return { inputs: def.inputs(params), outputs: def.outputs(params) };
  };
  const edges: FlowEdge[] = blocks.slice(1).map((b, i) => ({
    from: { block: blocks[i]!.id, port: ports(blocks[i]!).outputs[0] ?? 'out' },
    to: { block: b.id, port: ports(b).inputs[0] ?? 'in' },
  }));
  const firstIn = ports(first).inputs[0];
  const entry = firstIn !== undefined ? { block: first.id, port: firstIn } : undefined;
  const exits: Record<string, Endpoint> = { default: { block: last.id, port: ports(last).outputs[0] ?? 'out' } };
  for (const o of ctx.node.outputs) exits[o.name] = exits.default!;
  return {
    blocks,
    edges,
    entries: ctx.node.inputs.map((_, i) => (i === 0 ? entry : undefined)),
    exits,
    status,
    detail,
    ...(nondeterministic && nondeterministic.length > 0 && { nondeterministic }),
  };
}
