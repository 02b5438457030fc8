/**
 * Whether the canvas now shows a different flow (opened, recovered, or an open undone) rather than an edit of the
 * same one, by the block ids before and after: its view is then fitted to the new blocks.
 */
export function isDifferentFlow(before: readonly string[], after: readonly string[]): boolean {
  if (before.length === 0 || after.length === 0) return before.length === 0 && after.length > 0;
  const earlier = new Set(before);
  const kept = after.filter((id) => earlier.has(id)).length;
  // An edit only adds blocks (add, paste) or only removes them. Separate flows often share a few ids such as
  // `ratings`, `split` or `export_metrics`, so some kept ids do not make the same flow: blocks both came and went.
  return kept < after.length && kept < before.length;
}
