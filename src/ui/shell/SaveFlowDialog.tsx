import { useEffect, useId, useRef, useState, useSyncExternalStore, type FormEvent, type JSX } from 'react';
import { serializeFlow } from '../../engine/flow/parse';
import { getStudioState } from '../state/studio-store';
import { downloadFile, flowFileName } from './download';
import { typedFlowFileName } from './flow-file-name';

let asking = false;
const listeners = new Set<() => void>();
const setAsking = (next: boolean): void => {
  asking = next;
  for (const listener of listeners) listener();
};
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Save (the button or Ctrl/Cmd+S): asks for the file name before anything is downloaded. */
export function askToSaveFlow(): void {
  setAsking(true);
}

/**
 * The Save dialog: a file name, prefilled from the flow's name, that the user can change before the flow downloads.
 * The name always ends in `.flow.json`, so the file opens again as a flow. Escape or Cancel closes it unsaved.
 */
export function SaveFlowDialog(): JSX.Element | null {
  const open = useSyncExternalStore(subscribe, () => asking);
  return open ? <SaveForm /> : null;
}

function SaveForm(): JSX.Element {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState(() => flowFileName(getStudioState().doc.name));
  const fileName = typedFlowFileName(typed);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    element.showModal();
    // The name without its extension is selected: typing replaces it, as in a desktop Save dialog.
    const input = element.querySelector('input');
    input?.setSelectionRange(0, Math.max(0, input.value.length - '.flow.json'.length));
    return () => element.close();
  }, []);
  const save = (e: FormEvent): void => {
    e.preventDefault();
    if (!fileName) return;
    downloadFile(fileName, serializeFlow(getStudioState().doc), 'application/json');
    setAsking(false);
  };
  return (
    <dialog ref={dialog} className="save-dialog" aria-labelledby={`${id}-title`} onClose={() => setAsking(false)}>
      <form onSubmit={save}>
        <h2 id={`${id}-title`}>Save the flow</h2>
        <label htmlFor={`${id}-name`}>File name</label>
        <input id={`${id}-name`} value={typed} onChange={(e) => setTyped(e.target.value)} aria-describedby={`${id}-help`} autoFocus spellCheck={false} />
        <p id={`${id}-help`} className="save-dialog__help">
          {fileName ? `Downloads as ${fileName}; open it again with Open…, or run it with wrangle run.` : 'Type a file name.'}
        </p>
        <div className="save-dialog__buttons">
          <button type="button" onClick={() => setAsking(false)}>
            Cancel
          </button>
          <button type="submit" className="save-dialog__save" disabled={!fileName}>
            Download
          </button>
        </div>
      </form>
    </dialog>
  );
}
