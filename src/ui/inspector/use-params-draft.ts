import { useState } from 'react';
import type { BlockKind } from '../../engine/blocks/registry';
import { paramsSchema } from '../state/parse-once';
import { studioActions } from '../state/studio-store';
import { applyEdit, freshDraft, reconcileDraft, type ParamsDraft } from './params-draft';

/**
 * A block's params as its form edits them: every edit is validated against the kind's schema; valid edits go to the
 * store (one undo step each), invalid ones stay in the draft with their issues. A change from elsewhere (undo,
 * paste, open) replaces the draft.
 */
export function useParamsDraft(blockId: string, kind: BlockKind, stored: unknown): { draft: ParamsDraft; edit: (next: unknown) => void } {
  const [state, setState] = useState<ParamsDraft>(() => freshDraft(stored));
  const draft = reconcileDraft(state, stored);
  // React allows a component to update its own state while rendering; it re-renders at once with the new draft.
  if (draft !== state) setState(draft);
  const edit = (next: unknown): void => {
    const result = applyEdit(draft, next, paramsSchema(kind));
    setState(result.state);
    if (result.commit) studioActions.updateParams(blockId, result.commit.params);
  };
  return { draft, edit };
}
