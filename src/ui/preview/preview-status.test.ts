import { describe, expect, it } from 'vitest';
import type { BlockState } from '../../worker/engine-api';
import { choosePort, describeFailure, freshResultKey, outputPorts, panelView } from './preview-status';

const state = (over: Partial<BlockState>): BlockState => ({ blockId: 'b', status: 'fresh', outputs: { out: [] }, ...over });

describe('panel view', () => {
  it('follows the block status', () => {
    expect(panelView(undefined, undefined)).toEqual({ kind: 'nothing-selected' });
    expect(panelView('b', undefined)).toEqual({ kind: 'not-run' });
    expect(panelView('b', state({}))).toEqual({ kind: 'result', recomputing: false });
    expect(panelView('b', state({ status: 'running' }))).toEqual({ kind: 'result', recomputing: true });
    expect(panelView('b', state({ status: 'stale' }))).toEqual({ kind: 'result', recomputing: true });
    expect(panelView('b', state({ status: 'blocked' }))).toEqual({ kind: 'blocked' });
    expect(panelView('b', state({ status: 'cancelled' }))).toEqual({ kind: 'cancelled', blockId: 'b' });
    const error = { code: 'E_JOIN_KEY_MISSING', message: 'No column "id"' };
    expect(panelView('b', state({ status: 'error', error }))).toEqual({ kind: 'error', error });
  });

  it('asks an untouched block for its input or settings instead of showing its error', () => {
    const unconnected = { code: 'E_PORT_UNCONNECTED', message: 'Input "in" is not connected.' };
    expect(panelView('b', state({ status: 'error', error: unconnected }), true)).toEqual({ kind: 'setup', connect: true, error: unconnected });
    const missing = { code: 'E_PARAMS_INVALID', message: 'Choose a column' };
    expect(panelView('b', state({ status: 'error', error: missing }), true)).toEqual({ kind: 'setup', connect: false, error: missing });
    // Once the user has set it up, a failure is a failure.
    expect(panelView('b', state({ status: 'error', error: unconnected }), false)).toEqual({ kind: 'error', error: unconnected });
    expect(panelView('b', state({ status: 'fresh' }), true)).toEqual({ kind: 'result', recomputing: false });
  });
});

describe('ports', () => {
  const split = state({ outputs: { train: [], test: [] } });
  it('lists a split’s ports and prefers the panel’s own pick', () => {
    expect(outputPorts(split)).toEqual(['train', 'test']);
    expect(choosePort(['train', 'test'], 'test', 'train')).toBe('test');
    expect(choosePort(['train', 'test'], undefined, 'train')).toBe('train');
    expect(choosePort(['train', 'test'], 'gone', undefined)).toBe('train');
    expect(choosePort([], undefined, 'out')).toBeUndefined();
  });
});

describe('fresh result key', () => {
  it('changes with a new run and is undefined while not fresh', () => {
    const a = freshResultKey('b', 'out', state({ rows: 10, seconds: 0.1, sql: 'SELECT 1' }));
    expect(a).toBeDefined();
    expect(freshResultKey('b', 'out', state({ rows: 10, seconds: 0.1, sql: 'SELECT 1' }))).toBe(a);
    expect(freshResultKey('b', 'out', state({ rows: 11, seconds: 0.1, sql: 'SELECT 1' }))).not.toBe(a);
    expect(freshResultKey('b', 'test', state({ rows: 10, seconds: 0.1, sql: 'SELECT 1' }))).not.toBe(a);
    expect(freshResultKey('b', 'out', state({ status: 'running' }))).toBeUndefined();
  });

  it('gives the first rows of a big file a key of their own, which the whole result then replaces', () => {
    const outputs = { out: [{ name: 'n', type: 'BIGINT' }] };
    const first = freshResultKey('b', 'out', state({ status: 'running', partial: true, outputs }));
    expect(first).toBeDefined();
    const whole = freshResultKey('b', 'out', state({ rows: 5000, seconds: 2, sql: 'SELECT 1', outputs }));
    expect(whole).toBeDefined();
    expect(whole).not.toBe(first);
  });
});

describe('failures', () => {
  it('keeps a coded error’s code and message', () => {
    expect(describeFailure({ code: 'E_SQL', message: 'boom' })).toEqual({ code: 'E_SQL', message: 'boom' });
    expect(describeFailure(new Error('lost'))).toEqual({ code: 'E_ENGINE', message: 'lost' });
    expect(describeFailure('odd')).toEqual({ code: 'E_ENGINE', message: 'odd' });
  });
});
