import type { JSX } from 'react';
import { studioActions } from '../../state/studio-store';

/** Said wherever a cancelled training block is shown: why there is no model, and how to train it again. */
export function CancelledNotice({ blockId }: { blockId: string }): JSX.Element {
  return (
    <div className="training-cancelled" role="status">
      <p>
        Training was cancelled. It trains again when you edit this block or anything upstream of it, or when you ask
        for it.
      </p>
      <button type="button" onClick={() => studioActions.trainAgain(blockId)}>
        Train again
      </button>
    </div>
  );
}
