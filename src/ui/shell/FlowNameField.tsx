import { useEffect, useState, type JSX, type KeyboardEvent } from 'react';
import { studioActions, useStudio } from '../state/studio-store';

/** The flow's name, edited in place; the rename is one undo step, taken when the field is left or Enter pressed. */
export function FlowNameField(): JSX.Element {
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
    <input
      className="topbar__name"
      aria-label="Flow name"
      value={draft}
      maxLength={200}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={onKeyDown}
    />
  );
}
