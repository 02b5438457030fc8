import type { JSX, KeyboardEvent } from 'react';
import { studioActions, useStudio } from '../state/studio-store';
import type { Notice } from '../state/store-types';
import { toastLifetime } from './toast-timing';
import { useToastTimer } from './use-toast-timer';

function Toast({ notice }: { notice: Notice }): JSX.Element {
  const { id, kind, message, action } = notice;
  const lifetime = toastLifetime(notice);
  const dismiss = () => studioActions.dismissNotice(id);
  // The message can change (a restart notice when the re-run is done): the timer starts again.
  const hold = useToastTimer(lifetime, dismiss, message);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    dismiss();
  };
  return (
    <div
      className={`toast toast--${kind}`}
      role={kind === 'error' || kind === 'warning' ? 'alert' : 'status'}
      data-lifetime={lifetime ?? 'until-dismissed'}
      onMouseEnter={() => hold('hover', true)}
      onMouseLeave={() => hold('hover', false)}
      onFocus={() => hold('focus', true)}
      onBlur={(event) => hold('focus', event.currentTarget.contains(event.relatedTarget))}
      onKeyDown={onKeyDown}
    >
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
        <button type="button" className="toast__dismiss" aria-label="Dismiss" title="Dismiss (Esc)" onClick={dismiss}>
          ×
        </button>
      </div>
    </div>
  );
}

/**
 * Toasts in the bottom-right corner: engine restarts, failed saves, replaced connections. Each goes by itself after a
 * while (longer for warnings and errors; never for one that asks for a choice), held while hovered or focused;
 * Tab reaches its buttons and Escape dismisses it.
 */
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
