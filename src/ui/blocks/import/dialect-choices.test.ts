import { describe, expect, it } from 'vitest';
import { DELIMITER_CHOICES, ESCAPE_CHOICES, QUOTE_CHOICES, charOf, choiceOf } from './dialect-choices';

describe('dialect choices', () => {
  it.each([
    [DELIMITER_CHOICES, '\t', 'tab'],
    [DELIMITER_CHOICES, ' ', 'space'],
    [DELIMITER_CHOICES, ';', 'semicolon'],
    [QUOTE_CHOICES, '', 'none'],
    [QUOTE_CHOICES, "'", 'single'],
    [ESCAPE_CHOICES, '\\', 'backslash'],
  ] as const)('shows %j as a word and maps it back', (table, char, choice) => {
    expect(choiceOf(table, char)).toBe(choice);
    expect(charOf(table, choice)).toBe(char);
  });

  it('keeps "no quoting" apart from "not set", and passes a character it has no word for through', () => {
    expect(choiceOf(QUOTE_CHOICES, undefined)).toBeUndefined();
    expect(charOf(QUOTE_CHOICES, undefined)).toBeUndefined();
    expect(charOf(QUOTE_CHOICES, 'none')).toBe('');
    expect(choiceOf(DELIMITER_CHOICES, '~')).toBe('~');
    expect(charOf(DELIMITER_CHOICES, '~')).toBe('~');
  });
});
