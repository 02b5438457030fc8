/**
 * The CSV dialect's characters as words in a select: a tab or a space cannot be seen in a text box, and an empty
 * quote ("no quoting") must not read as "not set". Each table maps a choice to the character the param holds.
 */

export const DELIMITER_CHOICES = { comma: ',', semicolon: ';', pipe: '|', tab: '\t', space: ' ' } as const;
export const QUOTE_CHOICES = { double: '"', single: "'", none: '' } as const;
export const ESCAPE_CHOICES = { double: '"', single: "'", backslash: '\\', none: '' } as const;

export const DELIMITER_LABELS = { comma: 'comma ,', semicolon: 'semicolon ;', pipe: 'pipe |', tab: 'tab', space: 'space' };
export const QUOTE_LABELS = { double: 'double quote "', single: "single quote '", none: 'none (no quoting)' };
export const ESCAPE_LABELS = { double: 'double quote "" (RFC 4180)', single: "single quote ''", backslash: 'backslash \\', none: 'none' };

/** Date patterns offered by name; any other pattern set in the flow is shown as it is. */
export const DATE_FORMATS = ['%d/%m/%Y', '%m/%d/%Y', '%Y-%m-%d', '%d.%m.%Y', '%d-%m-%Y'] as const;
export const DATE_LABELS = {
  '%d/%m/%Y': 'day/month/year (31/01/2024)',
  '%m/%d/%Y': 'month/day/year (01/31/2024)',
  '%Y-%m-%d': 'year-month-day (2024-01-31)',
  '%d.%m.%Y': 'day.month.year (31.01.2024)',
  '%d-%m-%Y': 'day-month-year (31-01-2024)',
};

/** The choice that stands for a character, or the character itself when the table has no word for it. */
export function choiceOf<T extends Record<string, string>>(table: T, char: string | undefined): string | undefined {
  if (char === undefined) return undefined;
  return Object.entries(table).find(([, c]) => c === char)?.[0] ?? char;
}

/** The character a choice stands for; an unknown choice is a character already. */
export function charOf<T extends Record<string, string>>(table: T, choice: string | undefined): string | undefined {
  if (choice === undefined) return undefined;
  return Object.hasOwn(table, choice) ? table[choice as keyof T] : choice;
}
