/** Counts as every host writes them (the studio's preview and canvas, the CLI's lines): "80,072", "1 row". */

const counts = new Intl.NumberFormat('en-US');

/** 80072 → "80,072". */
export function formatCount(n: number): string {
  return counts.format(n);
}

/** "1 row" / "80,072 rows". */
export function formatRows(n: number): string {
  return `${formatCount(n)} ${n === 1 ? 'row' : 'rows'}`;
}
