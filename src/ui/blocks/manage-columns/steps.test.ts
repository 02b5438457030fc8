import { describe, expect, it } from 'vitest';
import { columnsBeforeStep, switchStep, type ColumnStep } from './steps';

const input = [
  { name: 'id', type: 'BIGINT' },
  { name: 'say "hi"', type: 'VARCHAR' },
  { name: 'when', type: 'VARCHAR' },
];

describe('switchStep', () => {
  it('keeps the picked columns across operations', () => {
    const drop: ColumnStep = { op: 'drop', columns: ['id', 'when'] };
    expect(switchStep(drop, 'cast')).toEqual({ op: 'cast', columns: ['id', 'when'], type: 'VARCHAR' });
    expect(switchStep(drop, 'rename')).toEqual({ op: 'rename', from: 'id', to: '' });
    expect(switchStep({ op: 'duplicate', column: 'id', as: 'id2' }, 'move')).toEqual({ op: 'move', columns: ['id'], to: 'start' });
    expect(switchStep({ op: 'keep', columns: [] }, 'duplicate')).toEqual({ op: 'duplicate', column: '', as: '' });
  });
});

describe('columnsBeforeStep', () => {
  it('applies the earlier steps, with types', () => {
    const steps: ColumnStep[] = [
      { op: 'rename', from: 'say "hi"', to: 'greeting' },
      { op: 'cast', columns: ['when'], type: 'DATE' },
      { op: 'drop', columns: ['id'] },
    ];
    expect(columnsBeforeStep(input, steps, 0)).toEqual(input);
    expect(columnsBeforeStep(input, steps, 2)).toEqual([
      { name: 'id', type: 'BIGINT' },
      { name: 'greeting', type: 'VARCHAR' },
      { name: 'when', type: 'DATE' },
    ]);
  });

  it('falls back to the input columns while an earlier step is wrong', () => {
    const steps: ColumnStep[] = [{ op: 'drop', columns: ['nope'] }, { op: 'keep', columns: ['id'] }];
    expect(columnsBeforeStep(input, steps, 1)).toEqual(input);
    expect(columnsBeforeStep(input, [{ op: 'rename', from: 'id', to: '' }, { op: 'keep', columns: ['id'] }], 1)).toEqual(input);
  });
});
