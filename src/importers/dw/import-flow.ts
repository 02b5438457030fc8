import { CURRENT_FLOW_VERSION, FLOW_FORMAT, type FlowDocument, type FlowEdge } from '../../engine/flow/schema';
import { parseFlow } from '../../engine/flow/parse';
import { buildGraph } from '../../engine/plan/graph';
import { TranslationError } from './expr/ast';
import { origin, type DraftBlock, type Endpoint, type NodeContext, type NodeTranslation } from './drafts';
import { readDataWranglerFlow, type DwNode } from './dw-flow';
import { orderNodes } from './node-order';
import { customCode } from './operators/custom-code';
import type { ImportReport, NodeReport } from './report';
import type { ReadParquetRows } from './spark-model';
import { translateNode } from './translate-node';

export interface ImportOptions {
  /** Decodes the Parquet inside fitted Spark models (encoder labels). Without it, encoders are refitted. */
  readParquetRows?: ReadParquetRows;
  /** The flow's name, e.g. from the file name. */
  name?: string;
  /** Types steps: infer from the data they run on (default), or take Data Wrangler's stored schema. */
  typesFrom?: 'data' | 'file';
}

export interface ImportResult {
  /** The Wrangle flow, validated; undefined only when the input is not a Data Wrangler flow. */
  flow?: FlowDocument;
  report: ImportReport;
}

/** Block ids from readable hints and node ids, never repeated: `join_47ffa6be`, `join_47ffa6be_2`. */
function idAllocator(): (hint: string, nodeId: string) => string {
  const taken = new Set<string>();
  return (hint, nodeId) => {
    const tail = nodeId.replace(/[^A-Za-z0-9_-]+/g, '').slice(0, 8) || 'node';
    const base = `${hint.replace(/[^A-Za-z0-9_-]+/g, '_')}_${tail}`.slice(0, 56);
    let id = base;
    for (let i = 2; taken.has(id); i++) id = `${base}_${i}`;
    taken.add(id);
    return id;
  };
}

/** The same logical name for the same file; a different file whose name would clash gets `_2`, `_3`. */
function inputNamer(): (file: string) => string {
  const byFile = new Map<string, string>();
  const taken = new Set<string>();
  return (file) => {
    const known = byFile.get(file);
    if (known) return known;
    const wanted = inputNameFor(file);
    let name = wanted;
    for (let i = 2; taken.has(name); i++) name = `${wanted}_${i}`;
    taken.add(name);
    byFile.set(file, name);
    return name;
  };
}

/** A logical input name from a file name: `tracks.csv` → `tracks`. */
function inputNameFor(file: string): string {
  const stem = file.replace(/(\.[A-Za-z0-9]+)+$/, '').replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^[^A-Za-z_]+/, '');
  return (stem || 'input').slice(0, 60);
}

/** The unsupported block that stands in for a node without a translation: it keeps the original and blocks what follows. */
function unsupported(node: DwNode, blockId: string, reason: string): NodeTranslation {
  let code: string | undefined;
  try {
    if (/custom/.test(node.operator)) code = customCode({ node } as NodeContext).code;
  } catch {
    code = undefined;
  }
  const inputs = node.inputs.map((_, i) => (node.inputs.length === 1 ? 'in' : `in${i + 1}`)).slice(0, 4);
  const outputs = node.outputs.map((o, i) => (node.outputs.length === 1 ? 'out' : (o.name.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^[^A-Za-z_]+/, '') || `out${i + 1}`))).slice(0, 8);
  const block: DraftBlock = {
    id: blockId,
    kind: 'unsupported',
    label: `Unsupported: ${node.name ?? node.operator.replace(/^sagemaker\.(spark\.)?/, '')}`.slice(0, 200),
    description: origin(node, `Not translated: ${reason}`),
    params: {
      operator: node.operator.slice(0, 200),
      origin: `Data Wrangler node ${node.id}`.slice(0, 200),
      ...(code !== undefined && { code: code.slice(0, 100_000) }),
      parameters: node.parameters,
      reason: reason.slice(0, 2000),
      inputs,
      outputs,
    },
  };
  const exits: Record<string, Endpoint> = { default: { block: blockId, port: outputs[0]! } };
  node.outputs.forEach((o, i) => {
    if (outputs[i]) exits[o.name] = { block: blockId, port: outputs[i]! };
  });
  return { blocks: [block], edges: [], entries: inputs.map((port) => ({ block: blockId, port })), exits, status: 'unsupported', detail: reason };
}

/**
 * Converts a SageMaker Data Wrangler `.flow` (its JSON text or parsed value) into a Wrangle flow and a report of
 * what each node became. Never throws for a bad file: a file that is not a flow gives a report that says why.
 */
export async function importDataWranglerFlow(input: string | unknown, options: ImportOptions = {}): Promise<ImportResult> {
  let raw: unknown = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input);
    } catch (e) {
      return { report: { isFlow: false, nodes: [], problems: [`the file is not JSON: ${e instanceof Error ? e.message : String(e)}`] } };
    }
  }
  const read = readDataWranglerFlow(raw);
  if (!read.ok) return { report: { isFlow: false, nodes: [], problems: [`not a Data Wrangler flow: ${read.reason}`] } };
  const { order, blocked, problems } = orderNodes(read.nodes);
  const problemList = [...read.problems, ...problems];
  const nextId = idAllocator();
  const byId = new Map(read.nodes.map((n) => [n.id, n]));
  const exitsOf = new Map<string, Record<string, Endpoint>>();
  const inputName = inputNamer();
  const files = new Map<string, string>();
  const blocks: DraftBlock[] = [];
  const edges: FlowEdge[] = [];
  const reports: NodeReport[] = [];
  const upstreamEndpoint = (node: DwNode, i: number): Endpoint | undefined => {
    const input = node.inputs[i];
    const exits = input ? exitsOf.get(input.nodeId) : undefined;
    return exits ? (exits[input!.outputName] ?? exits.default) : undefined;
  };

  for (const node of order) {
    const ctx: NodeContext = {
      node,
      blockId: (hint) => nextId(hint, node.id),
      ...(options.readParquetRows && { readParquetRows: options.readParquetRows }),
      inputSource: (i) => {
        const input = node.inputs[i];
        if (!input) return undefined;
        const name = byId.get(input.nodeId)?.name;
        return { outputName: input.outputName, ...(name !== undefined && { nodeName: name }) };
      },
      exportFile: (wanted) => {
        const dot = wanted.lastIndexOf('.');
        const [stem, ext] = dot > 0 ? [wanted.slice(0, dot), wanted.slice(dot)] : [wanted, ''];
        let file = wanted;
        for (let i = 2; files.has(file); i++) file = `${stem}_${i}${ext}`;
        files.set(file, node.id);
        return file;
      },
      inputName,
      typesFrom: options.typesFrom ?? 'data',
    };
    let t: NodeTranslation;
    try {
      t = await translateNode(ctx);
    } catch (e) {
      // A translation bug must not lose the user's step either: it is kept, unsupported, with the error.
      const reason = e instanceof TranslationError ? e.message : `the importer failed on it (${e instanceof Error ? e.message : String(e)})`;
      t = unsupported(node, nextId('unsupported', node.id), reason);
    }
    blocks.push(...t.blocks);
    edges.push(...t.edges);
    node.inputs.forEach((_, i) => {
      const from = upstreamEndpoint(node, i);
      const to = t.entries[i];
      if (from && to) edges.push({ from, to });
    });
    const passed = t.passThrough ? upstreamEndpoint(node, 0) : undefined;
    exitsOf.set(node.id, passed ? { default: passed } : t.exits);
    if (t.upstreamNote) {
      const target = blocks.find((b) => b.id === upstreamEndpoint(node, 0)?.block);
      if (target) target.description = `${target.description ?? ''}\n${t.upstreamNote}`.trim().slice(0, 10_000);
    }
    reports.push({
      nodeId: node.id,
      operator: node.operator,
      status: t.status,
      detail: t.detail,
      blocks: t.blocks.map((b) => b.id),
      ...(t.nondeterministic && t.nondeterministic.length > 0 && { nondeterministic: t.nondeterministic }),
    });
  }
  for (const node of blocked) {
    reports.push({ nodeId: node.id, operator: node.operator, status: 'unsupported', detail: 'left out: it is on a cycle, or reads from one', blocks: [] });
  }

  const doc = {
    format: FLOW_FORMAT,
    version: CURRENT_FLOW_VERSION,
    name: (options.name ?? 'Imported Data Wrangler flow').slice(0, 200),
    description: 'Imported from a SageMaker Data Wrangler flow. Each block\'s description names the node it came from.',
    blocks,
    edges,
  };
  // The report follows the file's node order, which is how the user knows the flow.
  const position = new Map(read.nodes.map((n, i) => [n.id, i]));
  reports.sort((a, b) => position.get(a.nodeId)! - position.get(b.nodeId)!);
  const flow = parseFlow(doc);
  try {
    buildGraph(flow);
  } catch (e) {
    // The wiring is the importer's own; a fault here is a bug to report, not a reason to lose the conversion.
    problemList.push(`the converted flow's wiring is invalid: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { flow, report: { isFlow: true, nodes: reports, problems: problemList } };
}
