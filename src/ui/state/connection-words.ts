import type { FlowDocument, FlowEdge } from '../../engine/flow/schema';
import type { PortRef } from '../../engine/plan/graph';
import { blockTitle } from '../blocks/hook-registry';

/** A port as people read it: its block's title and its name. */
export function portInWords(doc: FlowDocument, ref: PortRef): string {
  const block = doc.blocks.find((b) => b.id === ref.block);
  return `“${block ? blockTitle(block) : ref.block}” · ${ref.port}`;
}

/** The note after a drop replaced an input's connection: what it read before and reads now, and how to go back. */
export function replacedNote(doc: FlowDocument, replaced: FlowEdge, from: PortRef): string {
  return `Replaced the connection into ${portInWords(doc, replaced.to)}: it read ${portInWords(doc, replaced.from)}, now ${portInWords(doc, from)}. Undo (Ctrl+Z) puts it back.`;
}
