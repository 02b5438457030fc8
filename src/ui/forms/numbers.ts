/** What a number box holds: nothing (so the default applies), a number, or text that is not a number yet. */
export type NumberText = { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'invalid' };

export function parseNumberText(text: string): NumberText {
  const t = text.trim();
  if (t === '') return { kind: 'empty' };
  const value = Number(t);
  return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'invalid' };
}

export function formatNumber(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}

/** A fraction sum for display: rounded where float addition leaves noise (0.7 + 0.2 + 0.1 = 0.9999999999999999). */
export function formatSum(values: readonly number[]): string {
  const sum = values.reduce((s, v) => s + v, 0);
  return String(Number(sum.toFixed(6)));
}
