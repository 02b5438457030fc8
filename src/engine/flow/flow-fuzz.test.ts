import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { isWrangleError, type WrangleError } from '../errors/catalog';
import { buildGraph } from '../plan/graph';
import { jsonPath, MAX_FLOW_BYTES, MAX_FLOW_DEPTH, parseFlow } from './parse';
import { CURRENT_FLOW_VERSION } from './schema';

/**
 * Opening a flow from someone else: generated and poisoned documents, each either a valid flow or refused with a
 * WrangleError that says where (a JSON path, or a position in text that is not JSON). Nothing crashes and
 * Object.prototype stays as it was.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

const edge = (from: string, fromPort: string, to: string, toPort: string) => ({ from: { block: from, port: fromPort }, to: { block: to, port: toPort } });
const importOf = (id: string, input: string) => ({ id, kind: 'import', params: { input, file: `${input}.csv` } });

/** Valid flows over several block kinds, the material the poisons start from. */
const baseFlows: Json[] = [
  {
    format: 'wrangle-flow',
    version: CURRENT_FLOW_VERSION,
    name: 'formula and filter',
    blocks: [
      importOf('src', 'tracks'),
      { id: 'f', kind: 'formula', params: { column: 'y', expression: 'x + 1' } },
      { id: 'keep', kind: 'filter', params: { condition: 'y > 2' } },
      { id: 'out', kind: 'export', params: { file: 'out.csv' } },
    ],
    edges: [edge('src', 'out', 'f', 'in'), edge('f', 'out', 'keep', 'in'), edge('keep', 'out', 'out', 'in')],
    view: { positions: { src: { x: 0, y: 0 }, f: { x: 200, y: 0 } } },
  },
  {
    format: 'wrangle-flow',
    version: CURRENT_FLOW_VERSION,
    blocks: [
      importOf('a', 'tracks'),
      importOf('b', 'ratings'),
      { id: 'j', kind: 'join', params: { type: 'inner', keys: [{ left: 'trackId', right: 'trackId' }] } },
      { id: 'g', kind: 'aggregate', params: { groupBy: ['userId'], aggregations: [{ column: 'Rating', fn: 'avg' }] } },
      { id: 'save', kind: 'export', params: { file: 'g.csv' } },
    ],
    edges: [edge('a', 'out', 'j', 'left'), edge('b', 'out', 'j', 'right'), edge('j', 'out', 'g', 'in'), edge('g', 'out', 'save', 'in')],
  },
  {
    format: 'wrangle-flow',
    version: CURRENT_FLOW_VERSION,
    blocks: [
      importOf('r', 'ratings'),
      { id: 's', kind: 'split', params: { outputs: [{ name: 'train', fraction: 0.8 }, { name: 'test', fraction: 0.2 }], seed: 7 } },
      { id: 'q', kind: 'sql', params: { query: 'SELECT * FROM df', inputs: ['df'] } },
      { id: 'm', kind: 'manage-columns', params: { operations: [{ op: 'rename', from: 'Rating', to: 'stars' }] } },
      { id: 'e1', kind: 'export', params: { file: 'train.csv' } },
      { id: 'e2', kind: 'export', params: { file: 'test.csv' } },
    ],
    edges: [edge('r', 'out', 's', 'in'), edge('s', 'train', 'q', 'df'), edge('q', 'out', 'm', 'in'), edge('m', 'out', 'e1', 'in'), edge('s', 'test', 'e2', 'in')],
  },
];

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Every path into a document, objects and arrays included. */
function pathsOf(value: Json, path: Path = []): Path[] {
  const here = [path];
  if (Array.isArray(value)) return here.concat(...value.map((v, i) => pathsOf(v, [...path, i])));
  if (value !== null && typeof value === 'object') return here.concat(...Object.entries(value).map(([k, v]) => pathsOf(v, [...path, k])));
  return here;
}

function containerAt(doc: Json, path: Path): Json {
  return path.reduce<Json>((v, k) => (v as Record<string | number, Json>)[k]!, doc);
}

function setAt(doc: Json, path: Path, value: Json): Json {
  if (path.length === 0) return value;
  const parent = containerAt(doc, path.slice(0, -1)) as Record<string | number, Json>;
  parent[path.at(-1)!] = value;
  return doc;
}

function deleteAt(doc: Json, path: Path): Json {
  const parent = containerAt(doc, path.slice(0, -1));
  if (Array.isArray(parent)) parent.splice(path.at(-1) as number, 1);
  else delete (parent as Record<string, Json>)[path.at(-1) as string];
  return doc;
}

/** What a poison does, and where (the path the error must point near), if it is one place. */
interface Poisoned {
  input: unknown;
  near?: Path;
  /** Text the refusal must hold, where the poison has one certain answer. */
  refusal?: string;
}

const base = fc.nat({ max: baseFlows.length - 1 }).map((i) => clone(baseFlows[i]!));
const anyJson = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>;
const oddValue: fc.Arbitrary<Json> = fc.oneof(
  anyJson,
  fc.constantFrom<Json>('', ' ', '../../etc/passwd', 'a b', '__proto__', -1, 2 ** 53, [], {}, null, true),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const pick = <T>(xs: readonly T[]) => fc.nat({ max: xs.length - 1 }).map((i) => xs[i]!);

const replaced: fc.Arbitrary<Poisoned> = base.chain((doc) =>
  fc.tuple(pick(pathsOf(doc).filter((p) => p.length > 0)), oddValue).map(([path, value]) => ({ input: setAt(clone(doc), path, value), near: path })),
);

const deleted: fc.Arbitrary<Poisoned> = base.chain((doc) =>
  pick(pathsOf(doc).filter((p) => p.length > 0)).map((path) => ({ input: deleteAt(clone(doc), path), near: path.slice(0, -1) })),
);

const isObject = (v: Json): boolean => v !== null && typeof v === 'object' && !Array.isArray(v);
const forbiddenKey: fc.Arbitrary<Poisoned> = base.chain((doc) =>
  fc.tuple(pick(pathsOf(doc).filter((p) => isObject(containerAt(doc, p)))), fc.constantFrom('__proto__', 'constructor', 'prototype'), anyJson).map(([path, key, value]) => {
    // Written into the text, as a file holds it: JSON.parse makes "__proto__" an own key (an object literal would not).
    const d = clone(doc);
    (containerAt(d, path) as Record<string, Json>)['\u0000slot'] = null;
    const input = JSON.stringify(d).replace('"\\u0000slot":null', () => `${JSON.stringify(key)}:${JSON.stringify(value)}`);
    return { input, near: [...path, key], refusal: `at ${jsonPath([...path, key])}: the key "${key}" is not allowed` };
  }),
);

interface Wired {
  blocks: { id: string }[];
  edges: { from: { block: string; port: string }; to: { block: string; port: string } }[];
}
const wiring: fc.Arbitrary<Poisoned> = base.chain((doc) => {
  const count = (doc as unknown as Wired).blocks.length;
  const edges = (doc as unknown as Wired).edges.length;
  const index = (n: number) => fc.nat({ max: n - 1 });
  return fc.oneof(
    fc.tuple(index(count), index(count)).filter(([a, b]) => a !== b).map(([a, b]) => {
      const d = clone(doc) as unknown as Wired;
      d.blocks[b]!.id = d.blocks[a]!.id;
      return { input: d };
    }),
    fc.tuple(index(edges), fc.constantFrom('from', 'to'), fc.constantFrom('block', 'port'), fc.constantFrom('ghost', 'out', 'in', 'constructor', '__proto__')).map(([i, side, part, name]) => {
      const d = clone(doc) as unknown as Wired;
      d.edges[i]![side][part] = name;
      return { input: d };
    }),
    // Feeding a block from the source of a later connection: in these flows, often a cycle.
    fc.tuple(index(edges), index(edges)).filter(([i, j]) => i < j).map(([i, j]) => {
      const d = clone(doc) as unknown as Wired;
      d.edges[i]!.from = { ...d.edges[j]!.from };
      return { input: d };
    }),
  );
});

const version: fc.Arbitrary<Poisoned> = base.chain((doc) =>
  fc
    .oneof(fc.integer({ min: -5, max: 1000 }), fc.double(), fc.string({ maxLength: 4 }), fc.constant(null))
    .map((v) => ({ input: setAt(clone(doc), ['version'], v as Json), near: ['version'] })),
);

const deep: fc.Arbitrary<Poisoned> = base.chain((doc) =>
  fc.tuple(pick(pathsOf(doc).filter((p) => p.length > 0)), fc.integer({ min: MAX_FLOW_DEPTH, max: 400 })).map(([path, depth]) => {
    let nested: Json = 1;
    for (let i = 0; i < depth; i++) nested = i % 2 ? [nested] : { k: nested };
    return { input: JSON.stringify(setAt(clone(doc), path, nested)), near: path };
  }),
);

const corruptedText: fc.Arbitrary<Poisoned> = base.chain((doc) => {
  const text = JSON.stringify(doc);
  const chars = ['', '{', '}', '[', ']', ',', ':', '"', '\\', 'x', '1', '\u0000', '\ud800'];
  return fc.tuple(fc.nat({ max: text.length }), fc.constantFrom(...chars), fc.boolean()).map(([at, ch, cut]) => ({
    input: cut ? text.slice(0, at) + ch : text.slice(0, at) + ch + text.slice(at + 1),
  }));
});

const kinds = ['import', 'formula', 'filter', 'sql', 'join', 'split', 'export', 'aggregate', 'manage-columns', 'one-hot', 'teleport'];
const arbitraryDocs: fc.Arbitrary<Poisoned> = fc.oneof(
  anyJson.map((input) => ({ input })),
  fc
    .record({
      format: fc.constantFrom<Json>('wrangle-flow', 'wrangle', 1),
      version: fc.constantFrom<Json>(CURRENT_FLOW_VERSION, CURRENT_FLOW_VERSION + 1, 0),
      blocks: fc.array(fc.record({ id: fc.string({ maxLength: 6 }), kind: fc.constantFrom(...kinds), params: anyJson }), { maxLength: 5 }),
      edges: fc.array(fc.record({ from: fc.record({ block: fc.string({ maxLength: 3 }), port: fc.string({ maxLength: 3 }) }), to: fc.record({ block: fc.string({ maxLength: 3 }), port: fc.string({ maxLength: 3 }) }) }), { maxLength: 4 }),
    })
    .map((input) => ({ input })),
);

const prototypeBefore = { object: Object.getOwnPropertyNames(Object.prototype).sort(), array: Object.getOwnPropertyNames(Array.prototype).sort() };
const outcomes = new Map<string, number>();

/** The path an error points at: its JSON path, or the version; undefined for text that is not JSON. */
function pointedPath(e: WrangleError): string | undefined {
  if (e.code === 'E_FLOW_VERSION_NEWER' || e.code === 'E_FLOW_VERSION_UNKNOWN') return '$.version';
  return typeof e.args.path === 'string' && e.args.path.startsWith('$') ? e.args.path : typeof e.args.at === 'string' ? e.args.at : undefined;
}

/** Two paths are near when they agree on their first two steps (the same block, edge or top-level field). */
function near(errorPath: string, poisoned: Path): boolean {
  const expected = jsonPath(poisoned.slice(0, 2));
  return errorPath === expected || errorPath.startsWith(`${expected}.`) || errorPath.startsWith(`${expected}[`) || (poisoned.length < 2 && errorPath === '$');
}

function open({ input, near: poisoned, refusal }: Poisoned): boolean {
  try {
    buildGraph(parseFlow(input));
    outcomes.set('ok', (outcomes.get('ok') ?? 0) + 1);
    expect(refusal, 'opened a flow that must be refused').toBeUndefined();
  } catch (e) {
    if (refusal !== undefined) expect(String(e instanceof Error ? e.message : e)).toContain(refusal);
    if (!isWrangleError(e)) throw new Error(`not a WrangleError: ${String(e)}\n${JSON.stringify(input).slice(0, 300)}`);
    outcomes.set(e.code, (outcomes.get(e.code) ?? 0) + 1);
    if (e.code === 'E_FLOW_NOT_JSON') {
      expect(e.message).toMatch(/position \d+|is not valid JSON/);
    } else {
      const path = pointedPath(e);
      expect(path, e.message).toBeDefined();
      expect(e.message).toContain(path);
      const wiring = ['E_DUPLICATE_ID', 'E_DANGLING_EDGE', 'E_PORT_TAKEN', 'E_CYCLE'].includes(e.code);
      if (poisoned && !wiring) expect(near(path!, poisoned), `${e.message} is not near ${jsonPath(poisoned)}`).toBe(true);
    }
  }
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore.object);
  expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(prototypeBefore.array);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  return true;
}

describe('opening generated and poisoned flow documents', () => {
  afterAll(() => {
    // Enough of the runs must reach each kind of refusal for the fuzz to mean anything.
    const total = [...outcomes.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(1000);
    for (const code of ['ok', 'E_FLOW_INVALID', 'E_FLOW_NOT_JSON', 'E_UNKNOWN_BLOCK_KIND', 'E_FLOW_VERSION_NEWER', 'E_DUPLICATE_ID', 'E_DANGLING_EDGE', 'E_CYCLE']) {
      expect(outcomes.get(code) ?? 0, code).toBeGreaterThan(0);
    }
  });

  it('the base flows are valid', () => {
    for (const flow of baseFlows) expect(() => buildGraph(parseFlow(flow))).not.toThrow();
  });

  it.each([
    ['a replaced value', replaced, 300],
    ['a deleted key', deleted, 100],
    ['a __proto__, constructor or prototype key', forbiddenKey, 100],
    ['a duplicate id, a dangling edge or a cycle', wiring, 150],
    ['an odd version', version, 50],
    ['nesting past the depth limit', deep, 50],
    ['corrupted JSON text', corruptedText, 200],
    ['arbitrary JSON', arbitraryDocs, 200],
  ] as const)('%s: refused where it is wrong, never a crash', (_name, arbitrary, numRuns) => {
    fc.assert(fc.property(arbitrary, open), { numRuns, seed: 5 });
  });

  it('a file over the size limit is refused before it is parsed', () => {
    const huge = JSON.stringify({ ...(baseFlows[0] as object), description: 'x'.repeat(MAX_FLOW_BYTES) });
    expect(() => parseFlow(huge)).toThrow(/Invalid flow at \$: larger than/);
  });

  it('an already parsed object that inherits keys is refused', () => {
    const sneaky = Object.create({ blocks: [] }) as Record<string, unknown>;
    Object.assign(sneaky, { format: 'wrangle-flow', version: CURRENT_FLOW_VERSION, edges: [] });
    expect(() => parseFlow(sneaky)).toThrow(/Invalid flow at \$: expected a plain JSON object/);
  });

  it('wiring errors name the place in the file', () => {
    const flow = clone(baseFlows[0]) as { edges: { to: { block: string } }[]; blocks: { id: string }[] };
    flow.edges[1]!.to.block = 'ghost';
    expect(() => buildGraph(parseFlow(flow))).toThrow('A connection refers to block "ghost", which does not exist. See $.edges[1].to.block.');
    const looped = clone(baseFlows[0]) as { edges: unknown[] };
    looped.edges[0] = edge('keep', 'out', 'f', 'in');
    looped.edges.push(edge('src', 'out', 'out', 'in'));
    looped.edges.splice(2, 1);
    expect(() => buildGraph(parseFlow(looped))).toThrow('The flow has a cycle: f → keep → f. See $.edges[0].');
  });

  it('ports named constructor and __proto__ are ports like any other', () => {
    const flow = {
      format: 'wrangle-flow',
      version: CURRENT_FLOW_VERSION,
      blocks: [importOf('a', 'tracks'), importOf('b', 'ratings'), { id: 'q', kind: 'sql', params: { query: 'SELECT 1', inputs: ['constructor', '__proto__'] } }],
      edges: [edge('a', 'out', 'q', 'constructor'), edge('b', 'out', 'q', '__proto__')],
    };
    const graph = buildGraph(parseFlow(flow));
    expect(graph.order.map((b) => b.id)).toEqual(['a', 'b', 'q']);
    expect(Object.keys(graph.inputsOf.get('q')!)).toEqual(['constructor', '__proto__']);
  });
});
