import { useEffect, useState } from 'react';
import type { EngineErrorInfo } from '../../worker/engine-api';
import { describeFailure } from './preview-status';
import { createRequestGate } from './request-gate';

export interface EngineAnswer<T> {
  value?: T;
  error?: EngineErrorInfo;
  /** True while the answer for the current key has not arrived; the previous answer stays readable meanwhile. */
  loading: boolean;
}

/**
 * Asks the engine once per `key` (undefined: nothing to ask) and keeps the latest request's answer only. `key` must
 * name everything `ask` depends on. An answer is shown only within its `scope` (a block and port), so switching
 * blocks never shows another block's numbers.
 */
export function useEngineAnswer<T>(key: string | undefined, scope: string, ask: () => Promise<T>): EngineAnswer<T> {
  const [gate] = useState(createRequestGate);
  const [answer, setAnswer] = useState<{ key: string; scope: string; value?: T; error?: EngineErrorInfo }>();

  useEffect(() => {
    if (key === undefined) return undefined;
    const id = gate.begin();
    ask().then(
      (value) => {
        if (gate.isLatest(id)) setAnswer({ key, scope, value });
      },
      (err: unknown) => {
        if (gate.isLatest(id)) setAnswer({ key, scope, error: describeFailure(err) });
      },
    );
    return () => gate.invalidate();
    // `key` names every input of `ask`, so a new closure with the same key asks the same question.
  }, [key]);

  const current = answer?.scope === scope ? answer : undefined;
  return {
    ...(current?.value !== undefined ? { value: current.value } : {}),
    ...(current?.error && current.key === key ? { error: current.error } : {}),
    loading: key !== undefined && current?.key !== key,
  };
}
