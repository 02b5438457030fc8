import { describe, expect, it } from 'vitest';
import type { BlockState, BlockStatus } from '../../worker/engine-api';
import { statusBadge } from './status-badge';

const state = (status: BlockStatus, extra: Partial<BlockState> = {}): BlockState => ({ blockId: 'b', outputs: {}, status, ...extra });

describe('statusBadge', () => {
  it.each([
    [state('fresh', { rows: 80072 }), 'fresh', '80,072 rows'],
    [state('fresh', { rows: 1 }), 'fresh', '1 row'],
    [state('running'), 'running', 'running…'],
    [state('stale'), 'stale', 'stale'],
    [state('error', { error: { code: 'E_FORMULA_SYNTAX', message: 'bad' } }), 'error', 'E_FORMULA_SYNTAX'],
    [state('blocked'), 'blocked', 'waiting for input'],
    [state('cancelled', { error: { code: 'E_TRAINING_CANCELLED', message: 'cancelled' } }), 'cancelled', 'cancelled'],
    [state('cancelled', { error: { code: 'E_RUN_STOPPED', message: 'stopped' } }), 'cancelled', 'stopped'],
    [undefined, 'stale', 'stale'],
  ] as const)('%s reads %s: %s', (input, status, text) => {
    expect(statusBadge(input)).toMatchObject({ status, text });
  });

  it('shows the count its kind gives instead of the rows of its main table', () => {
    expect(statusBadge(state('fresh', { rows: 97 }), false, '30,000 rows scored')).toMatchObject({ text: '30,000 rows scored', detail: 'Up to date: 30,000 rows scored' });
    expect(statusBadge(state('error', { error: { code: 'E_X', message: 'm' } }), false, '30,000 rows scored').text).toBe('E_X');
  });

  it('explains an error in full', () => {
    expect(statusBadge(state('error', { error: { code: 'E_COLUMN_MISSING', message: 'Column "x" does not exist' } })).detail).toBe(
      'E_COLUMN_MISSING: Column "x" does not exist',
    );
  });
});

describe('a block still on its starting settings', () => {
  const failed = (code: string) => ({ blockId: 'b', status: 'error', outputs: {}, error: { code, message: 'm' } }) as unknown as BlockState;
  it('asks to be set up instead of showing its error code', () => {
    expect(statusBadge(failed('E_COLUMN_MISSING'), true)).toMatchObject({ status: 'setup', text: 'set me up' });
    expect(statusBadge(failed('E_PORT_UNCONNECTED'), true)).toMatchObject({ status: 'setup', text: 'connect an input' });
  });
  it('shows the code once the user has set it up', () => {
    expect(statusBadge(failed('E_COLUMN_MISSING'), false)).toMatchObject({ status: 'error', text: 'E_COLUMN_MISSING' });
  });
});
