import type { JSX } from 'react';
import type { EngineErrorInfo } from '../../worker/engine-api';

/**
 * What the preview shows for a block the user has not set up yet: what it needs, in a calm tone (not an error box:
 * nothing went wrong), with the engine's code and words in small print for whoever wants them.
 */
export function SetupNotice({ connect, error }: { connect: boolean; error: EngineErrorInfo }): JSX.Element {
  return (
    <div className="preview-setup" role="status" data-testid="preview-setup">
      <p className="preview-setup__ask">{connect ? 'Connect its input' : 'Set this block up'}</p>
      <p className="preview-setup__how">
        {connect
          ? "Drag from another block's output (the dot on its right edge) to this block's input, or select a block first and add this one after it."
          : 'Choose its settings in the inspector on the right; the preview shows its output as soon as it can run.'}
      </p>
      <p className="preview-setup__code">
        <code>{error.code}</code> {error.message}
      </p>
    </div>
  );
}
