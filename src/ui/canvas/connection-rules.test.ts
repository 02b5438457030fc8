import { describe, expect, it } from 'vitest';
import { connectionProblem } from './connection-rules';
import { formulaBlock, importBlock, joinBlock, splitBlock, testFlow } from './test-flow';

const edge = (fb: string, fp: string, tb: string, tp: string) => ({ from: { block: fb, port: fp }, to: { block: tb, port: tp } });

const doc = testFlow(
  [importBlock('a'), importBlock('b'), { ...formulaBlock('f'), label: 'Danceability' }, joinBlock('j'), splitBlock('s')],
  [
    ['a', 'out', 'f', 'in'],
    ['f', 'out', 'j', 'left'],
  ],
);

describe('connectionProblem', () => {
  it('accepts a free input fed by an output', () => {
    expect(connectionProblem(doc, edge('b', 'out', 'j', 'right'))).toBeUndefined();
    expect(connectionProblem(doc, edge('j', 'out', 's', 'in'))).toBeUndefined();
  });

  it('accepts an input that is already taken: the drop replaces its connection', () => {
    expect(connectionProblem(doc, edge('b', 'out', 'j', 'left'))).toBeUndefined();
  });

  it('says when the two ports are already connected', () => {
    expect(connectionProblem(doc, edge('a', 'out', 'f', 'in'))).toBe('These ports are already connected.');
  });

  it('refuses a loop', () => {
    const free = testFlow([formulaBlock('x'), formulaBlock('y')], [['x', 'out', 'y', 'in']]);
    expect(connectionProblem(free, edge('y', 'out', 'x', 'in'))).toBe('That would make a loop: “y” already reads from “x”.');
  });

  it('refuses a block reading its own output', () => {
    expect(connectionProblem(doc, edge('s', 'train', 's', 'in'))).toBe('A block cannot read its own output.');
  });

  it('refuses ports the blocks do not have', () => {
    expect(connectionProblem(doc, edge('s', 'validation', 'j', 'right'))).toBe('“s” has no output “validation”.');
    expect(connectionProblem(doc, edge('b', 'out', 'a', 'in'))).toBe('“a” has no input “in”.');
    expect(connectionProblem(doc, edge('gone', 'out', 'j', 'right'))).toBe('That block no longer exists.');
  });
});
