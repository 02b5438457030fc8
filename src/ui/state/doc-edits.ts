/**
 * Pure edits of the flow document. Each returns a new document (the old one is never mutated, so history can keep
 * snapshots by reference) or a refusal with a reason a person can read. Every result is a valid document.
 */
import { blockDefinition, blockRegistry, type BlockKind } from '../../engine/blocks/registry';
import { WrangleError } from '../../engine/errors/catalog';
import { CURRENT_FLOW_VERSION, FLOW_FORMAT, type FlowBlock, type FlowDocument, type FlowEdge } from '../../engine/flow/schema';
import { blockPorts, buildGraph, type PortRef } from '../../engine/plan/graph';
import { validateParams } from './parse-once';
import type { Position } from './store-types';

export type EditResult = { ok: true; doc: FlowDocument } | { ok: false; reason: string };

/** A new, empty flow. */
export function emptyFlow(name = 'Untitled flow'): FlowDocument {
  return { format: FLOW_FORMAT, version: CURRENT_FLOW_VERSION, name, blocks: [], edges: [] };
}

/** How a block is named in messages: its label, else its id. */
export function blockName(block: FlowBlock): string {
  return block.label ?? block.id;
}

/** `<kind>_<n>`, the smallest n not taken. */
export function nextBlockId(doc: FlowDocument, kind: BlockKind, taken: ReadonlySet<string> = new Set()): string {
  const ids = new Set(doc.blocks.map((b) => b.id));
  for (let n = 1; ; n++) {
    const id = `${kind}_${n}`;
    if (!ids.has(id) && !taken.has(id)) return id;
  }
}

function withPositions(doc: FlowDocument, positions: Record<string, Position>): FlowDocument {
  return { ...doc, view: { ...doc.view, positions } };
}

/** Where a block goes when no position is given: right of the anchor block, else below everything. */
export function placeNewBlock(doc: FlowDocument, anchorId: string | undefined): Position {
  const positions = doc.view?.positions ?? {};
  const anchor = anchorId !== undefined ? positions[anchorId] : undefined;
  if (anchor) return { x: anchor.x + 260, y: anchor.y };
  const all = Object.values(positions);
  if (all.length === 0) return { x: 0, y: 0 };
  return { x: Math.min(...all.map((p) => p.x)), y: Math.max(...all.map((p) => p.y)) + 160 };
}

/** Adds a block whose params are already valid for its kind. */
export function addBlockToDoc(doc: FlowDocument, block: FlowBlock, position: Position): FlowDocument {
  const positions = { ...doc.view?.positions, [block.id]: { x: position.x, y: position.y } };
  return withPositions({ ...doc, blocks: [...doc.blocks, block] }, positions);
}

/** A block of a kind with params that passed its schema. */
export function makeBlock(id: string, kind: BlockKind, params: unknown, label?: string): FlowBlock {
  // The params were parsed by this kind's schema, which is what FlowBlock's per-kind param type describes.
  return { id, kind, params, ...(label !== undefined ? { label } : {}) } as FlowBlock;
}

/** Edges still valid after a block's ports changed (a split output renamed, a concat input dropped). */
function edgesWithPorts(edges: FlowEdge[], block: FlowBlock): FlowEdge[] {
  const { inputs, outputs } = blockPorts(block);
  return edges.filter(
    (e) => (e.from.block !== block.id || outputs.includes(e.from.port)) && (e.to.block !== block.id || inputs.includes(e.to.port)),
  );
}

/**
 * Replaces a block's params after validating them. Fitted state learned under the old settings is dropped, so the
 * block fits again; connections to ports the new settings no longer have are removed (`removedEdges` says how many).
 */
export function setBlockParams(
  doc: FlowDocument,
  blockId: string,
  params: unknown,
): { ok: true; doc: FlowDocument; removedEdges: number } | { ok: false; reason: string } {
  const block = doc.blocks.find((b) => b.id === blockId);
  if (!block) return { ok: false, reason: `There is no block "${blockId}".` };
  const valid = validateParams(block.kind, params);
  if (!valid.ok) return valid;
  if (JSON.stringify(valid.params) === JSON.stringify(block.params)) return { ok: true, doc, removedEdges: 0 };
  const next = { ...block, params: valid.params } as FlowBlock;
  if (blockDefinition(block.kind).fit !== undefined) delete next.fitted;
  const edges = edgesWithPorts(doc.edges, next);
  const blocks = doc.blocks.map((b) => (b.id === blockId ? next : b));
  return { ok: true, doc: { ...doc, blocks, edges }, removedEdges: doc.edges.length - edges.length };
}

/** Sets a block's label; an empty label removes it. */
export function setBlockLabel(doc: FlowDocument, blockId: string, label: string): FlowDocument {
  const text = label.trim().slice(0, 200);
  const blocks = doc.blocks.map((b) => {
    if (b.id !== blockId) return b;
    const next = { ...b };
    if (text === '') delete next.label;
    else next.label = text;
    return next;
  });
  return { ...doc, blocks };
}

/** Stores state the engine fitted; not an edit, so callers keep it out of history. */
export function setBlockFitted(doc: FlowDocument, blockId: string, fitted: unknown): FlowDocument | undefined {
  const block = doc.blocks.find((b) => b.id === blockId);
  const schema = block ? blockRegistry[block.kind] : undefined;
  if (!block || !schema || !('fitted' in schema) || !schema.fitted) return undefined;
  const parsed = schema.fitted.safeParse(fitted);
  if (!parsed.success) return undefined;
  return { ...doc, blocks: doc.blocks.map((b) => (b.id === blockId ? ({ ...b, fitted: parsed.data } as FlowBlock) : b)) };
}

const sameRef = (a: PortRef, b: PortRef): boolean => a.block === b.block && a.port === b.port;

/** Whether two connections join the same two ports. */
export const sameEdge = (a: FlowEdge, b: FlowEdge): boolean => sameRef(a.from, b.from) && sameRef(a.to, b.to);

/** A connection made, and the one it took the input from when it replaced one. */
export type ConnectEdit = { ok: true; doc: FlowDocument; replaced?: FlowEdge } | { ok: false; reason: string };

/**
 * Connects an output to an input, or says why not: unknown block or port, a taken input, a self-loop or a cycle.
 * With `replace`, a taken input gives up its connection to the new one (`replaced` is the old one), in one edit.
 */
export function connectPorts(doc: FlowDocument, from: PortRef, to: PortRef, options: { replace?: boolean } = {}): ConnectEdit {
  const source = doc.blocks.find((b) => b.id === from.block);
  const target = doc.blocks.find((b) => b.id === to.block);
  if (!source || !target) return { ok: false, reason: `There is no block "${source ? to.block : from.block}".` };
  if (source.id === target.id) return { ok: false, reason: `A block cannot read its own output (${blockName(source)}).` };
  const outputs = blockPorts(source).outputs;
  if (!outputs.includes(from.port)) {
    const has = outputs.length > 0 ? `its outputs are ${outputs.join(', ')}` : 'it has no outputs';
    return { ok: false, reason: `${blockName(source)} has no output "${from.port}"; ${has}.` };
  }
  const inputs = blockPorts(target).inputs;
  if (!inputs.includes(to.port)) {
    const has = inputs.length > 0 ? `its inputs are ${inputs.join(', ')}` : 'it has no inputs';
    return { ok: false, reason: `${blockName(target)} has no input "${to.port}"; ${has}.` };
  }
  const taken = doc.edges.find((e) => sameRef(e.to, to));
  if (taken && (sameRef(taken.from, from) || !options.replace)) {
    const what = sameRef(taken.from, from) ? 'is already connected to it' : `already reads ${taken.from.block}.${taken.from.port}`;
    return { ok: false, reason: `Input "${to.port}" of ${blockName(target)} ${what}. An input takes one connection: remove it first.` };
  }
  // The new connection takes the old one's place in the list, so a saved file changes in one line.
  const edge: FlowEdge = { from: { ...from }, to: { ...to } };
  const edges = taken ? doc.edges.map((e) => (e === taken ? edge : e)) : [...doc.edges, edge];
  const next: FlowDocument = { ...doc, edges };
  try {
    buildGraph(next);
  } catch (e) {
    if (e instanceof WrangleError && e.code === 'E_CYCLE') {
      return { ok: false, reason: `That connection would make a loop (${e.args.path}); a flow must run one way.` };
    }
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
  return { ok: true, doc: next, ...(taken ? { replaced: taken } : {}) };
}

export function disconnectPorts(doc: FlowDocument, from: PortRef, to: PortRef): FlowDocument {
  const edges = doc.edges.filter((e) => !(sameRef(e.from, from) && sameRef(e.to, to)));
  return edges.length === doc.edges.length ? doc : { ...doc, edges };
}

/** Removes blocks, their connections and their positions. */
export function removeBlocksFromDoc(doc: FlowDocument, ids: readonly string[]): FlowDocument {
  const gone = new Set(ids);
  if (!doc.blocks.some((b) => gone.has(b.id))) return doc;
  const positions = Object.fromEntries(Object.entries(doc.view?.positions ?? {}).filter(([id]) => !gone.has(id)));
  return withPositions(
    {
      ...doc,
      blocks: doc.blocks.filter((b) => !gone.has(b.id)),
      edges: doc.edges.filter((e) => !gone.has(e.from.block) && !gone.has(e.to.block)),
    },
    positions,
  );
}

/** Records new positions of existing blocks; unknown ids and non-finite numbers are ignored. */
export function moveBlocksInDoc(doc: FlowDocument, moves: Record<string, Position>): FlowDocument {
  const ids = new Set(doc.blocks.map((b) => b.id));
  const positions = { ...doc.view?.positions };
  let changed = false;
  for (const [id, p] of Object.entries(moves)) {
    if (!ids.has(id) || !Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    const old = positions[id];
    if (old && old.x === p.x && old.y === p.y) continue;
    positions[id] = { x: p.x, y: p.y };
    changed = true;
  }
  return changed ? withPositions(doc, positions) : doc;
}

/** Copied blocks with the connections among them and their positions. */
export interface Clipboard {
  blocks: FlowBlock[];
  edges: FlowEdge[];
  positions: Record<string, Position>;
}

export function copyBlocks(doc: FlowDocument, ids: readonly string[]): Clipboard {
  const chosen = new Set(ids);
  const blocks = doc.blocks.filter((b) => chosen.has(b.id));
  const edges = doc.edges.filter((e) => chosen.has(e.from.block) && chosen.has(e.to.block));
  const all = doc.view?.positions ?? {};
  const positions: Record<string, Position> = {};
  for (const b of blocks) {
    const p = all[b.id];
    if (p) positions[b.id] = p;
  }
  return { blocks, edges, positions };
}

/** Pastes copied blocks under fresh ids, shifted by `offset`. Returns the document and the new ids. */
export function pasteBlocks(doc: FlowDocument, clip: Clipboard, offset: Position): { doc: FlowDocument; ids: string[] } {
  const rename = new Map<string, string>();
  const taken = new Set<string>();
  for (const b of clip.blocks) {
    const id = nextBlockId(doc, b.kind, taken);
    taken.add(id);
    rename.set(b.id, id);
  }
  const blocks = clip.blocks.map((b) => ({ ...b, id: rename.get(b.id)! }) as FlowBlock);
  const edges = clip.edges.map((e) => ({
    from: { block: rename.get(e.from.block)!, port: e.from.port },
    to: { block: rename.get(e.to.block)!, port: e.to.port },
  }));
  const positions = { ...doc.view?.positions };
  clip.blocks.forEach((b, i) => {
    const p = clip.positions[b.id] ?? { x: 0, y: i * 120 };
    positions[rename.get(b.id)!] = { x: p.x + offset.x, y: p.y + offset.y };
  });
  const next = withPositions({ ...doc, blocks: [...doc.blocks, ...blocks], edges: [...doc.edges, ...edges] }, positions);
  return { doc: next, ids: blocks.map((b) => b.id) };
}

/** The document's wiring problem (dangling connection, taken input, cycle), or undefined when it can run. */
export function wiringProblem(doc: FlowDocument): string | undefined {
  try {
    buildGraph(doc);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** Renames the flow (the schema caps a name at 200 characters). */
export function renameFlow(doc: FlowDocument, name: string): FlowDocument {
  const text = name.trim().slice(0, 200) || 'Untitled flow';
  return text === doc.name ? doc : { ...doc, name: text };
}
