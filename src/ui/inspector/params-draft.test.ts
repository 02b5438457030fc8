import { describe, expect, it } from 'vitest';
import { blockDefinition } from '../../engine/blocks/registry';
import { applyEdit, freshDraft, reconcileDraft, toFormIssues } from './params-draft';

const schema = blockDefinition('split').params;
const stored = schema.parse({});

describe('params draft', () => {
  it('commits a valid edit, parsed, with its defaults filled in', () => {
    const next = { ...(stored as object), seed: 7 };
    const { state, commit } = applyEdit(freshDraft(stored), next, schema);
    expect(commit?.params).toMatchObject({ seed: 7 });
    expect(state.issues).toEqual([]);
    expect(state.draft).toBe(next);
  });

  it('keeps an invalid edit in the draft with its issues, and commits nothing', () => {
    const next = { ...(stored as object), seed: 'seven' };
    const { state, commit } = applyEdit(freshDraft(stored), next, schema);
    expect(commit).toBeUndefined();
    expect(state.draft).toBe(next);
    expect(state.issues.map((i) => i.path)).toEqual(['seed']);
  });

  it('commits nothing when the valid edit equals the stored params', () => {
    expect(applyEdit(freshDraft(stored), stored, schema).commit).toBeUndefined();
  });

  it('keeps the draft when its own edit comes back from the store', () => {
    const edited = applyEdit(freshDraft(stored), { ...(stored as object), seed: 7 }, schema);
    const echoed = structuredClone(edited.commit!.params);
    const after = reconcileDraft(edited.state, echoed);
    expect(after.draft).toBe(edited.state.draft);
    expect(after.source).toBe(echoed);
  });

  it('replaces the draft when the params change elsewhere (undo), and again on redo', () => {
    const edited = applyEdit(freshDraft(stored), { ...(stored as object), seed: 7 }, schema);
    const committed = edited.commit!.params;
    const mine = reconcileDraft(edited.state, committed);
    const undone = reconcileDraft(mine, stored);
    expect(undone.draft).toBe(stored);
    const redone = reconcileDraft(undone, committed);
    expect(redone.draft).toBe(committed);
  });

  it('drops the issues when the params change elsewhere', () => {
    const invalid = applyEdit(freshDraft(stored), { seed: 'x' }, schema).state;
    const other = schema.parse({ seed: 3 });
    expect(reconcileDraft(invalid, other)).toEqual(freshDraft(other));
  });

  it('joins issue paths with dots', () => {
    expect(toFormIssues([{ path: ['keys', 0, 'left'], message: 'Required' }, { path: [], message: 'Bad' }])).toEqual([
      { path: 'keys.0.left', message: 'Required', code: 'E_PARAMS_INVALID' },
      { path: '', message: 'Bad', code: 'E_PARAMS_INVALID' },
    ]);
  });
});
