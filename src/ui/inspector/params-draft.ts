import type { FormIssue } from '../blocks/form-types';

/** Anything with zod's `safeParse`: the inspector only needs its verdict and issues. */
export interface ParamsSchema {
  safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: { issues: readonly ZodLikeIssue[] } };
}

export interface ZodLikeIssue {
  path: readonly PropertyKey[];
  message: string;
}

/**
 * The params a form edits. `draft` may be invalid while the user types; the document keeps the last valid params.
 * `source` is the stored params this draft was last reconciled with, and `sent` the JSON of the last valid params
 * this draft committed, to tell its own edit coming back from a change made elsewhere (undo, paste, open).
 */
export interface ParamsDraft {
  source: unknown;
  draft: unknown;
  issues: FormIssue[];
  sent: string | undefined;
}

/** zod issues as the forms show them: the path joined with dots (`keys.0.left`), each an E_PARAMS_INVALID. */
export function toFormIssues(issues: readonly ZodLikeIssue[]): FormIssue[] {
  return issues.map((issue) => ({ path: issue.path.map((p) => String(p)).join('.'), message: issue.message, code: 'E_PARAMS_INVALID' }));
}

export function freshDraft(stored: unknown): ParamsDraft {
  return { source: stored, draft: stored, issues: [], sent: undefined };
}

/** The draft after the stored params changed: kept when the change is this draft's own edit, replaced otherwise. */
export function reconcileDraft(state: ParamsDraft, stored: unknown): ParamsDraft {
  if (state.source === stored) return state;
  if (state.sent !== undefined && state.sent === JSON.stringify(stored)) return { ...state, source: stored };
  return freshDraft(stored);
}

/** Validates an edit. Valid params that differ from the stored ones come back as `commit`, for the store. */
export function applyEdit(state: ParamsDraft, next: unknown, schema: ParamsSchema): { state: ParamsDraft; commit?: { params: unknown } } {
  const parsed = schema.safeParse(next);
  if (!parsed.success) return { state: { ...state, draft: next, issues: toFormIssues(parsed.error.issues) } };
  const sent = JSON.stringify(parsed.data);
  const nextState: ParamsDraft = { ...state, draft: next, issues: [], sent };
  return sent === JSON.stringify(state.source) ? { state: nextState } : { state: nextState, commit: { params: parsed.data } };
}
