import { describe, expect, it } from 'vitest';
import { isFlowFileName, typedFlowFileName } from './flow-file-name';

describe('typedFlowFileName', () => {
  it.each([
    ['ratings', 'ratings.flow.json'],
    ['ratings.json', 'ratings.flow.json'],
    ['Ratings.FLOW.JSON', 'Ratings.flow.json'],
    ['  my flow  ', 'my flow.flow.json'],
    ['../secret/plan', 'plan.flow.json'],
    ['C:\\flows\\music.flow.json', 'music.flow.json'],
    ['what?', 'what.flow.json'],
    ['v1.2', 'v1.2.flow.json'],
  ])('%j saves as %j', (typed, saved) => {
    expect(typedFlowFileName(typed)).toBe(saved);
    expect(isFlowFileName(saved)).toBe(true);
  });

  it.each(['', '   ', '.json', 'folder/', '...', '.flow.json'])('%j leaves nothing to save under', (typed) => {
    expect(typedFlowFileName(typed)).toBeUndefined();
  });
});
