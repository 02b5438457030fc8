import { describe, expect, it } from 'vitest';
import { claimingPath, indexIssues, listPatterns, patternPrefixLength } from './issues';

describe('patternPrefixLength', () => {
  it.each([
    ['type', 'type', 1],
    ['keys', 'keys.0.left', 1],
    ['keys.*.left', 'keys.0.left', 3],
    ['keys.*.left', 'keys.12.left.extra', 3],
    ['keys.*.left', 'keys.0.right', -1],
    ['keys.*', 'keys.name', -1],
    ['keys.*.left', 'keys.0', -1],
    ['type', 'types', -1],
    ['type', '', -1],
    ['', 'type', -1],
  ])('%s over %s → %i', (pattern, path, expected) => {
    expect(patternPrefixLength(pattern, path)).toBe(expected);
  });
});

describe('claimingPath', () => {
  const patterns = listPatterns('keys', ['left', 'right']);

  it('picks the longest pattern and returns the concrete path', () => {
    expect(claimingPath(patterns, 'keys.1.right')).toBe('keys.1.right');
    expect(claimingPath(patterns, 'keys.1')).toBe('keys.1');
    expect(claimingPath(patterns, 'keys')).toBe('keys');
  });

  it('gives deeper unknown paths to the nearest declared field', () => {
    expect(claimingPath(patterns, 'keys.1.other')).toBe('keys.1');
  });

  it('leaves paths no pattern covers', () => {
    expect(claimingPath(patterns, 'type')).toBeUndefined();
    expect(claimingPath(patterns, '')).toBeUndefined();
  });
});

describe('indexIssues', () => {
  it('puts each issue at one field, and the rest at the top', () => {
    const index = indexIssues(
      [
        { path: 'keys.0.left', message: 'too short', code: 'E_PARAMS_INVALID' },
        { path: 'keys.0.left', message: 'unknown column', code: 'E_PARAMS_INVALID' },
        { path: 'keys', message: 'needs one pair', code: 'E_PARAMS_INVALID' },
        { path: '', message: 'unrecognized key "x"', code: 'E_PARAMS_INVALID' },
        { path: 'hidden', message: 'not rendered', code: 'E_PARAMS_INVALID' },
      ],
      ['type', ...listPatterns('keys', ['left', 'right'])],
    );
    expect(index.at('keys.0.left').map((i) => i.message)).toEqual(['too short', 'unknown column']);
    expect(index.at('keys').map((i) => i.message)).toEqual(['needs one pair']);
    expect(index.at('keys.0.right')).toEqual([]);
    expect(index.unmatched.map((i) => i.message)).toEqual(['unrecognized key "x"', 'not rendered']);
  });
});
