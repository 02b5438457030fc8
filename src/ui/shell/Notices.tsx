import { useEffect, type JSX } from 'react';
import { studioActions, useStudio } from '../state/studio-store';
import type { Notice } from '../state/store-types';

/** Information fades on its own; warnings and errors stay until dismissed, since they ask for something. */
const AUTO_DISMISS_MS = 6000;

function Toast({ notice }: { notice: Notice }): JSX.Element {
  const { id, kind, message, action } = notice;
  const fades = kind === 'info' || kind === 'success';
  useEffect(() => {
    if (!fades) return undefined;
    const timer = setTimeout(() => studioActions.dismissNotice(id), AUTO_DISMISS_MS);
    return () => clearTimeout(timer);
    // The message can change (a restart notice when the re-run is done): the timer starts again.
  }, [id, fades, message]);
  return (
    <div className={`toast toast--${kind}`} role={kind === 'error' || kind === 'warning' ? 'alert' : 'status'}>
      <p className="toast__message">{message}</p>
      <div className="toast__actions">
        {[action, action?.alternative].map(
          (choice) =>
            choice && (
              <button
                key={choice.label}
                type="button"
                className="toast__action"
                onClick={() => {
                  choice.run();
                  studioActions.dismissNotice(id);
                }}
              >
                {choice.label}
              </button>
            ),
        )}
        <button type="button" className="toast__dismiss" aria-label="Dismiss" onClick={() => studioActions.dismissNotice(id)}>
          ×
        </button>
      </div>
    </div>
  );
}

/** Toasts in the bottom-right corner: engine restarts, failed saves, refused connections. */
export function Notices(): JSX.Element {
  const notices = useStudio((s) => s.notices);
  return (
    <section className="notices" aria-label="Notifications">
      {notices.map((n) => (
        <Toast key={n.id} notice={n} />
      ))}
    </section>
  );
}
