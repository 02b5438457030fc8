import { useRef, type JSX } from 'react';
import { studioActions, useStudio } from '../state/studio-store';
import type { ExpectedInput } from '../state/missing-inputs';

function MissingInput({ input }: { input: ExpectedInput }): JSX.Element {
  const picker = useRef<HTMLInputElement>(null);
  return (
    <li className="missing__item">
      <span>
        <strong>{input.name}</strong> expects <code>{input.file}</code>
      </span>
      {' — '}
      <button type="button" onClick={() => picker.current?.click()}>
        Choose file…
      </button>
      <input
        ref={picker}
        type="file"
        hidden
        aria-label={`Choose the file for input ${input.name}`}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void studioActions.registerInputFile(input.name, file);
        }}
      />
    </li>
  );
}

/**
 * Asks for each input that has no file, by name: after a reload the browser no longer holds the files the user
 * chose, only the flow. Hidden while the studio starts, when the bundled sample files are still on their way.
 */
export function MissingInputs({ starting }: { starting: boolean }): JSX.Element | null {
  const missing = useStudio((s) => s.missingInputs);
  if (starting || missing.length === 0) return null;
  return (
    <section className="missing" aria-label="Files the flow needs">
      <p className="missing__intro">
        This flow reads {missing.length === 1 ? 'a file' : 'files'} the browser no longer has. Choose {missing.length === 1 ? 'it' : 'them'}, or drop {missing.length === 1 ? 'it' : 'them'} on the page:
      </p>
      <ul className="missing__list">
        {missing.map((m) => (
          <MissingInput key={m.name} input={m} />
        ))}
      </ul>
    </section>
  );
}
