import { describe, expect, it } from 'vitest';
import type { FlowBlock } from '../../../engine/flow/schema';
import { activeTab, modelTabOf } from './model-tab';

const block = (kind: string, params: object = {}) => ({ id: kind, kind, params }) as unknown as FlowBlock;

describe('the model tab', () => {
  it('is Training for training blocks, Evaluation for rating evaluations, and absent elsewhere', () => {
    expect(modelTabOf(block('train-als'))).toMatchObject({ kind: 'training', label: 'Training', byDefault: true });
    expect(modelTabOf(block('tune'))).toMatchObject({ kind: 'training', label: 'Training' });
    expect(modelTabOf(block('evaluate', { mode: 'rating' }))).toMatchObject({ kind: 'evaluation', label: 'Evaluation', byDefault: false });
    expect(modelTabOf(block('evaluate', { mode: 'ranking' }))).toBeUndefined();
    expect(modelTabOf(block('filter'))).toBeUndefined();
    expect(modelTabOf(undefined)).toBeUndefined();
  });

  it('opens first on a training block, unless the user picked another tab on that very block', () => {
    const training = modelTabOf(block('train-als'));
    expect(activeTab({ tab: 'profile', blockId: 'filter' }, 'als', training)).toBe('model');
    expect(activeTab({ tab: 'data', blockId: 'als' }, 'als', training)).toBe('data');
    expect(activeTab({ tab: 'profile', blockId: 'als' }, 'filter', undefined)).toBe('profile');
  });

  it('falls back to Data on a block without a model tab', () => {
    expect(activeTab({ tab: 'model', blockId: 'als' }, 'filter', undefined)).toBe('data');
    expect(activeTab({ tab: 'model', blockId: 'als' }, 'eval', modelTabOf(block('evaluate', { mode: 'rating' })))).toBe('model');
  });
});
