import { formatRows } from '../../engine/count-words';
import { assertNever } from '../../engine/assert-never';
import type { BlockState, BlockStatus } from '../../worker/engine-api';

export interface StatusBadge {
  /** `setup`: a block the user has not set up yet that cannot run as it is; it asks rather than fails. */
  status: BlockStatus | 'setup';
  text: string;
  /** A longer explanation, for the tooltip and screen readers. */
  detail: string;
}


/**
 * What a block's badge says. A block the engine has not reported on yet counts as stale: its result is not
 * computed for the current document. An `untouched` block (still on its starting settings) that cannot run asks to
 * be set up instead of showing an error code: the user has not made a mistake yet. `count`: what a fresh block
 * counts when its kind says something better than its rows (see `cardCount`).
 */
export function statusBadge(state: BlockState | undefined, untouched = false, count?: string): StatusBadge {
  const status = state?.status ?? 'stale';
  if (status === 'error' && untouched) {
    const why = state?.error ? ` (${state.error.code}: ${state.error.message})` : '';
    if (state?.error?.code === 'E_PORT_UNCONNECTED') return { status: 'setup', text: 'connect an input', detail: `Connect its inputs${why}` };
    return { status: 'setup', text: 'set me up', detail: `Choose its settings in the inspector${why}` };
  }
  switch (status) {
    case 'fresh': {
      const text = count ?? (state?.rows === undefined ? 'ready' : formatRows(state.rows));
      const seconds = state?.seconds === undefined ? '' : ` in ${state.seconds.toFixed(2)} s`;
      return { status, text, detail: `Up to date: ${text}${state?.cached ? ' (cached)' : seconds}` };
    }
    case 'running':
      return { status, text: 'running…', detail: 'Running' };
    case 'stale':
      return { status, text: 'stale', detail: 'Not computed for the current settings yet' };
    case 'error': {
      const code = state?.error?.code ?? 'error';
      return { status, text: code, detail: state?.error ? `${state.error.code}: ${state.error.message}` : 'Failed' };
    }
    case 'blocked':
      return { status, text: 'waiting for input', detail: 'Waiting for an upstream block that failed or is not connected' };
    case 'cancelled':
      return state?.error?.code === 'E_RUN_STOPPED'
        ? { status, text: 'stopped', detail: 'Stopped before it finished: it runs again when edited, or on "Run again" in its preview' }
        : { status, text: 'cancelled', detail: 'Training cancelled: it trains again when edited, or on "Train again" in the Training tab' };
    default:
      return assertNever(status);
  }
}
