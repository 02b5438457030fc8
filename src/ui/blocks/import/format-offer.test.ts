import { describe, expect, it } from 'vitest';
import { notATableError, binaryContent, textContent } from '../../../engine/inputs/content-kind';
import { formatOffered } from './format-offer';

const refused = (found: { looksLike: string; advice: string } | undefined) => notATableError('src', 'data.csv', found!).toJSON();

describe('the format offered for a file that is not a table', () => {
  it.each([
    ['JSON', ['[', '  {"a": 1}', ']'], 'json'],
    ['JSON Lines', ['{"a": 1}', '{"a": 2}'], 'jsonl'],
  ])('%s: read as %s', (_, lines, format) => {
    expect(formatOffered(refused(textContent(lines)))?.format).toBe(format);
  });

  it('Parquet bytes: read as Parquet', () => {
    expect(formatOffered(refused(binaryContent(Uint8Array.from([0x50, 0x41, 0x52, 0x31, 0, 0, 0, 0]), false)))).toEqual({ format: 'parquet', label: 'Parquet' });
  });

  it('offers nothing for HTML, an image, or another error', () => {
    expect(formatOffered(refused(textContent(['<!DOCTYPE html>', '<html></html>'])))).toBeUndefined();
    expect(formatOffered(refused(binaryContent(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), false)))).toBeUndefined();
    expect(formatOffered({ code: 'E_INPUT_READ', message: 'format: "json"' })).toBeUndefined();
    expect(formatOffered(undefined)).toBeUndefined();
  });
});
