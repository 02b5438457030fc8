import type { FlowBlockOf } from '../../../engine/flow/schema';
import type { StudioState } from '../../state/store-types';
import { useStudio } from '../../state/studio-store';
import type { ExportTarget } from './DownloadBar';

/**
 * The export block the preview belongs to: the previewed block itself if it is one, or the selected export that
 * this block feeds (the shell previews an export through the rows feeding it, since an export has no output).
 */
function findExport(s: StudioState, blockId: string | undefined): FlowBlockOf<'export'> | undefined {
  if (blockId === undefined) return undefined;
  const selected = s.selection[0];
  for (const block of s.doc.blocks) {
    if (block.kind !== 'export') continue;
    if (block.id === blockId) return block;
    if (block.id === selected && s.doc.edges.some((e) => e.to.block === block.id && e.from.block === blockId)) return block;
  }
  return undefined;
}

export function useExportTarget(blockId: string | undefined): ExportTarget | undefined {
  // Both selections return values kept in the store (a block object, a status string), so renders stay quiet.
  const block = useStudio((s) => findExport(s, blockId));
  const status = useStudio((s) => (block ? s.runtime[block.id]?.status : undefined));
  return block ? { blockId: block.id, file: block.params.file, ready: status === 'fresh' } : undefined;
}
