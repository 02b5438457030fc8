import { useEffect, useId, useState, type JSX, type KeyboardEvent } from 'react';
import { studioActions, useStudio } from '../state/studio-store';

/**
 * The flow's name, in a labelled text field that looks like one; the rename is one undo step, taken when the field
 * is left or Enter pressed.
 */
export function FlowNameField(): JSX.Element {
  const id = useId();
  const name = useStudio((s) => s.doc.name);
  const [draft, setDraft] = useState(name);
  useEffect(() => setDraft(name), [name]);

  const commit = (): void => {
    if (draft.trim() === '') setDraft(name);
    else if (draft !== name) studioActions.rename(draft);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'Enter') e.currentTarget.blur();
    if (e.key === 'Escape') {
      const input = e.currentTarget;
      setDraft(name);
      // Blurring now would commit the draft being abandoned: the reset has not rendered yet.
      requestAnimationFrame(() => input.blur());
    }
  };
  return (
    <div className="topbar__name-field">
      <label htmlFor={id} className="topbar__name-label">
        Flow name
      </label>
      <input
        id={id}
        className="topbar__name"
        value={draft}
        maxLength={200}
        spellCheck={false}
        title="Rename the flow: Enter or leaving the field keeps the name, Escape puts the old one back"
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
