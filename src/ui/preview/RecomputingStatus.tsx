import { useEffect, useState, type JSX } from 'react';
import { studioActions } from '../state/studio-store';

/** Below this the recompute is an ordinary preview refresh: no clock and no Stop, so quick edits do not flicker. */
const LONG_MS = 1000;

/**
 * Shown while the previewed block recomputes. After a second it counts the seconds and offers Stop, which cancels the
 * engine's query at once (the engine keeps the other results) and holds the unfinished blocks back.
 * Mount it with a key per block, so the clock starts again for another block. Without `canStop` (a training's own tab,
 * which has its Stop), it only counts.
 */
export function RecomputingStatus({ canStop = true }: { canStop?: boolean }): JSX.Element {
  const [since] = useState(() => performance.now());
  const [now, setNow] = useState(since);
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const elapsedMs = now - since;
  const long = elapsedMs >= LONG_MS;
  return (
    <>
      <span className="preview-recomputing" role="status">
        recomputing…{long ? ` ${Math.floor(elapsedMs / 1000)} s` : ''}
      </span>
      {long && canStop && (
        <button
          type="button"
          className="preview-stop"
          title="Stop computing: the blocks that had not finished wait until you run them again; the others keep their results"
          onClick={() => studioActions.stopRun()}
        >
          Stop
        </button>
      )}
    </>
  );
}
