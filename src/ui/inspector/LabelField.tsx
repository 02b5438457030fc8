import { useId, useState, type JSX } from 'react';
import { studioActions } from '../state/studio-store';

interface Props {
  blockId: string;
  label: string | undefined;
  placeholder: string;
}

/** The block's name on the canvas. Committed on Enter or when the field loses focus, so a rename is one undo step. */
export function LabelField({ blockId, label, placeholder }: Props): JSX.Element {
  const stored = label ?? '';
  const [text, setText] = useState(stored);
  const [seen, setSeen] = useState(stored);
  // A rename from elsewhere (undo, another block pasted in its place) replaces what is shown.
  if (seen !== stored) {
    setSeen(stored);
    setText(stored);
  }
  const id = useId();
  const commit = (): void => {
    const next = text.trim();
    if (next !== stored) studioActions.setLabel(blockId, next);
  };
  return (
    <div className="inspector__field">
      <label htmlFor={id}>Name</label>
      <input
        id={id}
        type="text"
        value={text}
        placeholder={placeholder}
        maxLength={200}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
          if (event.key === 'Escape') setText(stored);
        }}
        data-testid="inspector-label"
      />
    </div>
  );
}
