/** The selection after React Flow's select changes: kept in selection order, newly selected blocks last. */
export function nextSelection(current: readonly string[], changes: readonly { id: string; selected: boolean }[]): string[] {
  const dropped = new Set(changes.filter((c) => !c.selected).map((c) => c.id));
  const next = current.filter((id) => !dropped.has(id));
  for (const change of changes) if (change.selected && !next.includes(change.id)) next.push(change.id);
  return next;
}

export const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
