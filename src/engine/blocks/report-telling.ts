import type { FlowDocument } from '../flow/schema';
import type { BlockDefinition, ReportTelling } from './contract';
import { blockDefinition } from './registry';

/** How a host without a kind's own views tells a block's report: through that kind's `tellReport`. */
export function reportTeller(flow: FlowDocument): (blockId: string, report: unknown) => ReportTelling {
  const byId = new Map(flow.blocks.map((b) => [b.id, b]));
  return (blockId, report) => {
    const block = byId.get(blockId);
    if (!block || report === undefined) return {};
    // The report came from this same kind's `report` hook, so it has the shape its `tellReport` reads.
    const def = blockDefinition(block.kind) as BlockDefinition<unknown, unknown, unknown, unknown>;
    return def.tellReport?.(report) ?? {};
  };
}
