/** An integer from an engine as a plain cell: a number when a double holds it exactly, else its decimal text. */
export function plainInteger(v: bigint): number | string {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v.toString();
}
