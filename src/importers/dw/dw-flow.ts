/** The parts of a SageMaker Data Wrangler `.flow` file the importer reads, checked leniently: a bad node is reported, not fatal. */

export interface DwInput {
  name: string;
  nodeId: string;
  outputName: string;
}

export interface DwNode {
  id: string;
  type: string;
  operator: string;
  /** A name the user gave the step, where the file has one. */
  name?: string;
  parameters: Record<string, unknown>;
  trained?: Record<string, unknown>;
  inputs: DwInput[];
  outputs: { name: string; sampling?: Record<string, unknown> }[];
}

export type DwFlowRead = { ok: true; nodes: DwNode[]; problems: string[] } | { ok: false; reason: string };

export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function readNode(raw: unknown, i: number, problems: string[]): DwNode | undefined {
  if (!isRecord(raw)) {
    problems.push(`nodes[${i}] is not an object; it was left out`);
    return undefined;
  }
  const { node_id: id, type, operator } = raw;
  if (typeof id !== 'string' || id === '' || typeof type !== 'string' || typeof operator !== 'string') {
    problems.push(`nodes[${i}] has no node_id, type or operator; it was left out`);
    return undefined;
  }
  const inputs: DwInput[] = [];
  (Array.isArray(raw.inputs) ? raw.inputs : []).forEach((input: unknown, j) => {
    if (isRecord(input) && typeof input.node_id === 'string') {
      inputs.push({ name: typeof input.name === 'string' ? input.name : 'df', nodeId: input.node_id, outputName: typeof input.output_name === 'string' ? input.output_name : 'default' });
    } else problems.push(`node ${id}: input ${j + 1} names no node_id; it was left out`);
  });
  const outputs = (Array.isArray(raw.outputs) ? raw.outputs : []).flatMap((o: unknown) =>
    isRecord(o) && typeof o.name === 'string' ? [{ name: o.name, ...(isRecord(o.sampling) && { sampling: o.sampling }) }] : [],
  );
  const parameters = isRecord(raw.parameters) ? raw.parameters : {};
  const name = typeof raw.name === 'string' ? raw.name : typeof parameters.name === 'string' ? parameters.name : undefined;
  return {
    id,
    type: type.toUpperCase(),
    operator,
    ...(name !== undefined && { name }),
    parameters,
    ...(isRecord(raw.trained_parameters) && { trained: raw.trained_parameters }),
    inputs,
    outputs: outputs.length > 0 ? outputs : [{ name: 'default' }],
  };
}

/** Reads the nodes of a parsed `.flow` file, or says why it is not a Data Wrangler flow. */
export function readDataWranglerFlow(raw: unknown): DwFlowRead {
  if (!isRecord(raw)) return { ok: false, reason: 'the file is not a JSON object' };
  if (raw.format === 'wrangle-flow') return { ok: false, reason: 'this is already a Wrangle flow: open it directly' };
  if (!Array.isArray(raw.nodes)) return { ok: false, reason: 'it has no "nodes" list, which every Data Wrangler flow has' };
  const problems: string[] = [];
  if (isRecord(raw.metadata) && raw.metadata.version !== undefined && raw.metadata.version !== 1) {
    problems.push(`metadata.version is ${JSON.stringify(raw.metadata.version)}; this importer knows version 1`);
  }
  const nodes = raw.nodes.map((n, i) => readNode(n, i, problems)).filter((n): n is DwNode => n !== undefined);
  if (nodes.length === 0) return { ok: false, reason: raw.nodes.length === 0 ? 'its "nodes" list is empty' : 'none of its nodes has a node_id, type and operator' };
  const seen = new Set<string>();
  const unique = nodes.filter((n) => {
    if (seen.has(n.id)) {
      problems.push(`two nodes share the id ${n.id}; the second was left out`);
      return false;
    }
    seen.add(n.id);
    return true;
  });
  return { ok: true, nodes: unique, problems };
}

/** The operator without its `sagemaker.` / `sagemaker.spark.` prefix and version: `encode_categorical`. */
export function shortOperator(operator: string): string {
  return operator.replace(/^sagemaker\./, '').replace(/^spark\./, '').replace(/_\d+(\.\d+)*$/, '');
}
