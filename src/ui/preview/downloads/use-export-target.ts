import type { FlowBlock } from '../../../engine/flow/schema';
import { declaredOutputOf } from '../../../engine/inputs/declared-inputs';
import type { StudioState } from '../../state/store-types';
import { useStudio } from '../../state/studio-store';
import type { ExportTarget } from './DownloadBar';

/**
 * The block writing a file that the preview belongs to: the previewed block itself if it writes one, or the selected
 * such block this one feeds (the shell previews an export through the rows feeding it, since an export has no output).
 */
function findExport(s: StudioState, blockId: string | undefined): FlowBlock | undefined {
  if (blockId === undefined) return undefined;
  const selected = s.selection[0];
  for (const block of s.doc.blocks) {
    if (declaredOutputOf(block) === undefined) continue;
    if (block.id === blockId) return block;
    if (block.id === selected && s.doc.edges.some((e) => e.to.block === block.id && e.from.block === blockId)) return block;
  }
  return undefined;
}

export function useExportTarget(blockId: string | undefined): ExportTarget | undefined {
  // Both selections return values kept in the store (a block object, a status string), so renders stay quiet.
  const block = useStudio((s) => findExport(s, blockId));
  const status = useStudio((s) => (block ? s.runtime[block.id]?.status : undefined));
  const sampled = useStudio((s) => (block ? s.runtime[block.id]?.sample !== undefined : false));
  const file = block && declaredOutputOf(block);
  return block && file !== undefined ? { blockId: block.id, file, ready: status === 'fresh', sampled } : undefined;
}
