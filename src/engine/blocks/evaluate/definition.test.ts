import { describe, expect, it } from 'vitest';
import { evaluateBlock } from './definition';

// The metrics themselves are tested per mode, on real DuckDB, in rating.test.ts and ranking.test.ts.
const ports = (params: Record<string, unknown>) => {
  const p = evaluateBlock.params.parse(params);
  return { inputs: evaluateBlock.inputs(p), outputs: evaluateBlock.outputs(p) };
};

describe('evaluate ports', () => {
  it.each([
    [{}, { inputs: ['in'], outputs: ['metrics', 'crosstab'] }],
    [{ mode: 'ranking' }, { inputs: ['recommendations', 'holdout'], outputs: ['metrics'] }],
    [{ mode: 'ranking', useCatalog: true }, { inputs: ['recommendations', 'holdout', 'catalog'], outputs: ['metrics'] }],
  ])('%j has the ports %j', (params, expected) => {
    expect(ports(params)).toEqual(expected);
  });

  it('refuses a setting it does not know', () => {
    expect(evaluateBlock.params.safeParse({ mode: 'ranking', topK: 5 }).success).toBe(false);
  });
});
