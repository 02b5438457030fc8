import type { BlockState, EngineErrorInfo } from '../../worker/engine-api';

/** What the panel shows for the selected block. */
export type PanelView =
  | { kind: 'nothing-selected' }
  | { kind: 'not-run' }
  | { kind: 'error'; error: EngineErrorInfo }
  /**
   * A block still on its starting settings that cannot run yet: it asks for its input (`connect`) or its settings,
   * calmly, as its card does; the engine's code stays in small print.
   */
  | { kind: 'setup'; connect: boolean; error: EngineErrorInfo }
  | { kind: 'blocked' }
  /** The user cancelled the block's training: no result until it trains again. */
  | { kind: 'cancelled'; blockId: string }
  /** A result to show; `recomputing` dims the last rows while a newer one is on its way. */
  | { kind: 'result'; recomputing: boolean };

/** `untouched`: the block still has the settings it started with (see hasStartingParams). */
export function panelView(blockId: string | undefined, state: BlockState | undefined, untouched = false): PanelView {
  if (blockId === undefined) return { kind: 'nothing-selected' };
  if (!state) return { kind: 'not-run' };
  switch (state.status) {
    case 'fresh':
      return { kind: 'result', recomputing: false };
    case 'stale':
    case 'running':
      return { kind: 'result', recomputing: true };
    case 'error': {
      const error = state.error ?? { code: 'E_UNKNOWN', message: 'The block failed without a message.' };
      return untouched ? { kind: 'setup', connect: error.code === 'E_PORT_UNCONNECTED', error } : { kind: 'error', error };
    }
    case 'blocked':
      return { kind: 'blocked' };
    case 'cancelled':
      return { kind: 'cancelled', blockId };
    default:
      return assertNever(state.status);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unexpected block status: ${String(value)}`);
}

/** The block's output ports, in the order the engine listed them. */
export function outputPorts(state: BlockState | undefined): string[] {
  return state ? Object.keys(state.outputs) : [];
}

/**
 * The port to show: the one picked in the panel's switcher while it still exists, else the shell's, else the first.
 */
export function choosePort(ports: readonly string[], picked: string | undefined, fromShell: string | undefined): string | undefined {
  if (picked !== undefined && ports.includes(picked)) return picked;
  if (fromShell !== undefined && ports.includes(fromShell)) return fromShell;
  return ports[0];
}

/**
 * Identifies one fresh result of one output, so previews, profiles and charts are fetched again exactly when a run
 * produced something new. Undefined while the block is not fresh: its last result stays on screen meanwhile.
 */
export function freshResultKey(blockId: string, port: string, state: BlockState | undefined): string | undefined {
  // The first rows of a big file are a result of their own, shown while the whole one is built.
  if (state?.status === 'running' && state.partial) return JSON.stringify(['first rows', blockId, port, (state.outputs[port] ?? []).map((c) => c.name)]);
  if (state?.status !== 'fresh') return undefined;
  const columns = (state.outputs[port] ?? []).map((c) => `${c.name}:${c.type}`);
  return JSON.stringify([blockId, port, state.rows ?? null, state.seconds ?? null, state.sql ?? null, columns]);
}

/** An engine call's failure as code and message: coded errors cross the worker as `{ code, message }`. */
export function describeFailure(err: unknown): EngineErrorInfo {
  if (typeof err === 'object' && err !== null) {
    const { code, message } = err as { code?: unknown; message?: unknown };
    return {
      code: typeof code === 'string' ? code : 'E_ENGINE',
      message: typeof message === 'string' ? message : String(err),
    };
  }
  return { code: 'E_ENGINE', message: String(err) };
}
