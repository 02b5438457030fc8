/** What became of one Data Wrangler node. */
export type NodeStatus = 'translated' | 'refitted' | 'approximated' | 'unsupported';

export interface NodeReport {
  nodeId: string;
  operator: string;
  status: NodeStatus;
  /** What it became and, for approximated or unsupported nodes, how or why. */
  detail: string;
  /** The ids of the blocks made for it (none for an analysis that became a note). */
  blocks: string[];
  /** Functions whose value changes from run to run, kept as they are: the output is not reproducible. */
  nondeterministic?: string[];
}

export interface ImportReport {
  /** False only when the file is not a Data Wrangler flow at all; `problems` then says why. */
  isFlow: boolean;
  nodes: NodeReport[];
  /** Problems of the flow as a whole: a cycle, a reference to a node that is not there, a malformed node. */
  problems: string[];
}

/** Counts of nodes by status, for a one-line summary. */
export function statusCounts(report: ImportReport): Record<NodeStatus, number> {
  const counts: Record<NodeStatus, number> = { translated: 0, refitted: 0, approximated: 0, unsupported: 0 };
  for (const n of report.nodes) counts[n.status]++;
  return counts;
}

function shortId(id: string): string {
  return id.length > 12 ? id.slice(0, 8) : id;
}

/** The report as a plain-text table (one row per node), then the flow-level problems: what the CLI prints. */
export function formatReportTable(report: ImportReport): string {
  const rows = report.nodes.map((n) => [
    shortId(n.nodeId),
    n.operator.replace(/^sagemaker\.(spark\.)?/, ''),
    n.status,
    n.detail + (n.nondeterministic?.length ? ` [non-deterministic: ${n.nondeterministic.join(', ')}]` : ''),
  ]);
  const header = ['node', 'operator', 'status', 'detail'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (i < 3 ? r[i]!.length : 0))));
  const line = (cells: string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c)).join('  ').trimEnd();
  const counts = statusCounts(report);
  const out = [line(header), ...rows.map(line)];
  out.push('', `${report.nodes.length} nodes: ${counts.translated} translated, ${counts.refitted} refitted, ${counts.approximated} approximated, ${counts.unsupported} unsupported`);
  for (const p of report.problems) out.push(`problem: ${p}`);
  return out.join('\n');
}
