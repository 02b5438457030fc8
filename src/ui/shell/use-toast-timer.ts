import { useEffect, useRef, useState } from 'react';

/** Why a toast is held on screen: the pointer is on it, or the keyboard focus is in it. */
export type HoldReason = 'hover' | 'focus';

/**
 * Calls `expire` once `lifetime` ms have passed while the toast was not held: a toast being read or reached by
 * keyboard does not vanish under the pointer, and its time goes on from where it stopped. A change of `restartKey`
 * (a new message) starts the time afresh; an undefined lifetime never expires.
 */
export function useToastTimer(lifetime: number | undefined, expire: () => void, restartKey: string): (reason: HoldReason, on: boolean) => void {
  const [holds, setHolds] = useState<ReadonlySet<HoldReason>>(new Set());
  const held = holds.size > 0;
  const left = useRef(lifetime);
  const expireRef = useRef(expire);
  useEffect(() => {
    expireRef.current = expire;
  });
  useEffect(() => {
    left.current = lifetime;
  }, [lifetime, restartKey]);
  useEffect(() => {
    if (held || left.current === undefined) return undefined;
    const started = performance.now();
    const timer = setTimeout(() => expireRef.current(), left.current);
    return () => {
      clearTimeout(timer);
      if (left.current !== undefined) left.current = Math.max(0, left.current - (performance.now() - started));
    };
  }, [held, lifetime, restartKey]);
  return (reason, on) =>
    setHolds((current) => {
      if (current.has(reason) === on) return current;
      const next = new Set(current);
      if (on) next.add(reason);
      else next.delete(reason);
      return next;
    });
}
