/** A file that is a flow, not data: opened rather than imported. */
export function isFlowFileName(name: string): boolean {
  return /\.flow\.json$/i.test(name);
}

/**
 * The file name a user typed for a flow, made safe to save: no folders, and ending in `.flow.json` so that the studio
 * opens it again as a flow when it is dropped (`ratings` → `ratings.flow.json`, `ratings.json` →
 * `ratings.flow.json`). Undefined when nothing usable is left.
 */
export function typedFlowFileName(typed: string): string | undefined {
  const printable = [...typed].filter((ch) => ch >= ' ').join('');
  const base = printable.split(/[\\/]/).at(-1)!.replace(/[<>:"|?*]/g, '').trim();
  const stem = base.replace(/(\.flow)?\.json$/i, '').replace(/\.+$/, '').trim();
  return stem === '' ? undefined : `${stem}.flow.json`;
}
