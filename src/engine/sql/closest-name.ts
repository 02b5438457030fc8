/** Levenshtein distance, case-insensitive (DuckDB does not tell ASCII case apart in names), by one rolling row. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let row = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const next = [i];
    for (let j = 1; j <= t.length; j++) {
      const substitute = row[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1);
      next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, substitute));
    }
    row = next;
  }
  return row[t.length]!;
}

/**
 * The name closest to a misspelt one, if one is close enough to be the name meant: at most a third of the longer
 * name's letters differ (at least one may), so `ratng` finds `rating` but `x` does not find `id`.
 */
export function closestName(wrong: string, names: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    const distance = editDistance(wrong, name);
    if (distance <= Math.max(1, Math.floor(Math.max(wrong.length, name.length) / 3)) && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}
