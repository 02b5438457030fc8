import type { FormIssue } from '../blocks/form-types';

/**
 * Where a form shows the schema's issues. A form declares the field paths it renders as patterns (`type`,
 * `keys`, `keys.*.left`, where `*` stands for a list index); each issue goes to the longest pattern that is a prefix
 * of its path, and an issue no pattern covers is shown at the top of the form, so none is ever hidden.
 */
export interface IssueIndex {
  /** The issues shown at a concrete field path (`keys.0.left`). */
  at(path: string): FormIssue[];
  /** The issues no field claims. */
  unmatched: FormIssue[];
}

function segments(path: string): string[] {
  return path === '' ? [] : path.split('.');
}

/** How many segments of `path` the pattern covers, or -1 when it is not a prefix of it. */
export function patternPrefixLength(pattern: string, path: string): number {
  const want = segments(pattern);
  const have = segments(path);
  if (want.length === 0 || want.length > have.length) return -1;
  const fits = want.every((w, i) => w === have[i] || (w === '*' && /^\d+$/.test(have[i]!)));
  return fits ? want.length : -1;
}

/** The concrete field path an issue is shown at, or undefined when no pattern covers it. */
export function claimingPath(patterns: readonly string[], path: string): string | undefined {
  let best = -1;
  for (const p of patterns) best = Math.max(best, patternPrefixLength(p, path));
  return best < 0 ? undefined : segments(path).slice(0, best).join('.');
}

export function indexIssues(issues: readonly FormIssue[], patterns: readonly string[]): IssueIndex {
  const byPath = new Map<string, FormIssue[]>();
  const unmatched: FormIssue[] = [];
  for (const issue of issues) {
    const at = claimingPath(patterns, issue.path);
    if (at === undefined) unmatched.push(issue);
    else byPath.set(at, [...(byPath.get(at) ?? []), issue]);
  }
  return { at: (path) => byPath.get(path) ?? [], unmatched };
}

/** The patterns for a list and the fields of each of its items: `keys`, `keys.*`, `keys.*.left`, … */
export function listPatterns(list: string, itemFields: readonly string[] = []): string[] {
  return [list, `${list}.*`, ...itemFields.map((f) => `${list}.*.${f}`)];
}
