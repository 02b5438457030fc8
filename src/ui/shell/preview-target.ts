import { blockPorts } from '../../engine/plan/graph';
import type { FlowDocument } from '../../engine/flow/schema';

/**
 * What the preview panel shows for the selected block. A block with outputs is shown as itself, and the panel offers
 * its own switcher between several outputs (a split's train and test), so no port is fixed here. An export has no
 * output: the preview shows the rows it writes, which are those of the output feeding it.
 */
export interface PreviewTarget {
  blockId: string;
  port: string | undefined;
  /** The export whose input this is, when the selection is an export. */
  exportOf?: string;
}

export function previewTarget(doc: FlowDocument, blockId: string | undefined): PreviewTarget | undefined {
  const block = blockId === undefined ? undefined : doc.blocks.find((b) => b.id === blockId);
  if (!block) return undefined;
  if (blockPorts(block).outputs.length > 0) return { blockId: block.id, port: undefined };
  const feed = doc.edges.find((e) => e.to.block === block.id);
  // An export not yet connected still shows as itself: the panel says it has nothing to preview.
  if (!feed) return { blockId: block.id, port: undefined };
  return { blockId: feed.from.block, port: feed.from.port, exportOf: block.id };
}
