import type { JSX } from 'react';
import { studioActions, useStudio } from '../../state/studio-store';

/**
 * Said wherever a cancelled block is shown: a training the user cancelled, or a computation the user stopped. Says
 * why there is no result, and offers to run it again.
 */
export function CancelledNotice({ blockId }: { blockId: string }): JSX.Element {
  const stopped = useStudio((s) => s.runtime[blockId]?.error?.code === 'E_RUN_STOPPED');
  return (
    <div className="training-cancelled" role="status">
      <p>
        {stopped
          ? 'You stopped this block before it finished. It runs again when you edit it or anything upstream of it, or when you ask for it.'
          : 'Training was cancelled. It trains again when you edit this block or anything upstream of it, or when you ask for it.'}
      </p>
      <button type="button" onClick={() => studioActions.runAgain(blockId)}>
        {stopped ? 'Run again' : 'Train again'}
      </button>
    </div>
  );
}
