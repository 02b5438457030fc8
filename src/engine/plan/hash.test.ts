import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash } from './hash';

describe('canonicalJson', () => {
  it('does not depend on key order, at any depth', () => {
    const a = { kind: 'join', params: { type: 'inner', keys: [{ left: 'id', right: 'id' }] }, upstream: { left: 'x', right: 'y' } };
    const b = { upstream: { right: 'y', left: 'x' }, params: { keys: [{ right: 'id', left: 'id' }], type: 'inner' }, kind: 'join' };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"kind":"join","params":{"keys":[{"left":"id","right":"id"}],"type":"inner"},"upstream":{"left":"x","right":"y"}}');
  });

  it('keeps array order, which is meaningful', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it.each([
    [{ a: 1, b: undefined }, '{"a":1}'],
    [undefined, 'null'],
    [[undefined], '[null]'],
    [{ s: 'é "q"\n' }, '{"s":"é \\"q\\"\\n"}'],
    [{ 'b"': 1, a: [true, null, 1.5] }, '{"a":[true,null,1.5],"b\\"":1}'],
  ])('canonicalJson(%j) is %s', (value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });
});

describe('contentHash', () => {
  it('is the sha-256 of the canonical JSON (pinned: a change here changes every cache key)', () => {
    // printf '{"kind":"formula","params":{"column":"y","expression":"x + 1"}}' | sha256sum
    expect(contentHash({ params: { expression: 'x + 1', column: 'y' }, kind: 'formula' })).toBe(
      '9c9e29a79fb9d73957c5eeb37fa70b5b47bb7306f79d3f691e60d9c238e3111c',
    );
  });

  it('is stable for equal values and differs for different ones', () => {
    const v = { kind: 'split', params: { seed: 42 } };
    expect(contentHash(v)).toBe(contentHash(structuredClone(v)));
    expect(contentHash(v)).not.toBe(contentHash({ kind: 'split', params: { seed: 43 } }));
    expect(contentHash(v)).toMatch(/^[0-9a-f]{64}$/);
  });
});
