import { blockDefinition } from '../blocks/registry';
import { fail } from '../errors/catalog';
import type { FlowBlock, FlowDocument } from '../flow/schema';

export interface PortRef {
  block: string;
  port: string;
}

/** The flow's blocks in an order where every block comes after its inputs, and each block's connected inputs. */
export interface FlowGraph {
  order: FlowBlock[];
  byId: Map<string, FlowBlock>;
  /** For each block, the upstream output feeding each of its input ports. */
  inputsOf: Map<string, Record<string, PortRef>>;
  /** How many connections read each `block`/`port` output. */
  readers: Map<string, number>;
  /** For each block, the blocks that read it, one entry per connection. */
  downstream: Map<string, string[]>;
}

export const portKey = (ref: PortRef): string => `${ref.block}\u0000${ref.port}`;

/** Input and output port names of a block, from its kind and params. */
export function blockPorts(block: FlowBlock): { inputs: string[]; outputs: string[] } {
  const def = blockDefinition(block.kind);
  return { inputs: [...def.inputs(block.params)], outputs: def.outputs(block.params) };
}

function findCycle(blocks: FlowBlock[], downstream: Map<string, string[]>): string[] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    state.set(id, 'open');
    stack.push(id);
    for (const next of downstream.get(id) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const b of blocks) {
    if (!state.has(b.id)) {
      const found = visit(b.id);
      if (found) return found;
    }
  }
  return [];
}

/**
 * Checks the wiring and orders the blocks. Duplicate ids, connections to blocks or ports that do not exist, two
 * connections into one input, and cycles are errors of the whole flow. An input left unconnected is an error of that
 * block only, reported when it runs, so the rest of the flow keeps working.
 */
export function buildGraph(flow: FlowDocument): FlowGraph {
  const byId = new Map<string, FlowBlock>();
  flow.blocks.forEach((b, i) => {
    if (byId.has(b.id)) fail('E_DUPLICATE_ID', { id: b.id, at: `$.blocks[${i}].id` });
    byId.set(b.id, b);
  });
  // Without a prototype, a port named `constructor` or `__proto__` is just a port.
  const inputsOf = new Map<string, Record<string, PortRef>>(flow.blocks.map((b) => [b.id, Object.create(null) as Record<string, PortRef>]));
  const readers = new Map<string, number>();
  const downstream = new Map<string, string[]>();
  const closing = new Map<string, string>();
  flow.edges.forEach((e, i) => {
    const at = `$.edges[${i}]`;
    const from = byId.get(e.from.block) ?? fail('E_DANGLING_EDGE', { what: 'block', ref: e.from.block, at: `${at}.from.block` });
    const to = byId.get(e.to.block) ?? fail('E_DANGLING_EDGE', { what: 'block', ref: e.to.block, at: `${at}.to.block` });
    if (!blockPorts(from).outputs.includes(e.from.port)) fail('E_DANGLING_EDGE', { what: 'output', ref: `${from.id}.${e.from.port}`, at: `${at}.from.port` });
    if (!blockPorts(to).inputs.includes(e.to.port)) fail('E_DANGLING_EDGE', { what: 'input', ref: `${to.id}.${e.to.port}`, at: `${at}.to.port` });
    const slots = inputsOf.get(to.id)!;
    if (Object.hasOwn(slots, e.to.port)) fail('E_PORT_TAKEN', { port: e.to.port, at: `${at}.to` }, to.id);
    closing.set(`${from.id}\u0000${to.id}`, at);
    slots[e.to.port] = e.from;
    readers.set(portKey(e.from), (readers.get(portKey(e.from)) ?? 0) + 1);
    downstream.set(from.id, [...(downstream.get(from.id) ?? []), to.id]);
  });
  // Kahn's algorithm, always taking the earliest-declared ready block, so the order is stable.
  const indegree = new Map(flow.blocks.map((b) => [b.id, Object.keys(inputsOf.get(b.id)!).length]));
  const order: FlowBlock[] = [];
  const done = new Set<string>();
  while (order.length < flow.blocks.length) {
    const next = flow.blocks.find((b) => !done.has(b.id) && indegree.get(b.id) === 0);
    if (!next) {
      const cycle = findCycle(flow.blocks, downstream);
      const last = closing.get(`${cycle.at(-2)}\u0000${cycle.at(-1)}`);
      fail('E_CYCLE', { path: cycle.join(' → '), ...(last ? { at: last } : {}) });
    }
    done.add(next.id);
    order.push(next);
    for (const d of downstream.get(next.id) ?? []) indegree.set(d, indegree.get(d)! - 1);
  }
  return { order, byId, inputsOf, readers, downstream };
}

/** The blocks reachable from `start` along the connections, downstream or upstream, `start` itself not included. */
export function reachableFrom(graph: FlowGraph, start: string, direction: 'down' | 'up'): FlowBlock[] {
  const next = (id: string) => (direction === 'down' ? (graph.downstream.get(id) ?? []) : Object.values(graph.inputsOf.get(id) ?? {}).map((ref) => ref.block));
  const seen = new Set<string>();
  const queue = next(start);
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...next(id));
  }
  return [...seen].flatMap((id) => graph.byId.get(id) ?? []);
}
