import { useRef, type Ref } from 'react';
import { emitChange, type ChangeProps } from './change';
import { useUnderlinedError, type UnderlinedError } from './engine-error-context';
import { Field } from './Field';
import type { TextBaseProps } from './TextField';

export type CodeFieldProps = TextBaseProps & { rows?: number } & ChangeProps<string>;

/**
 * A SQL expression or query: monospace, no spell check, Tab left to move focus so the keyboard never gets stuck.
 * Where the engine's error points into the text (a misspelt column), the characters are underlined in place, by a
 * copy of the text laid out exactly under the textarea, and the message is shown under the field.
 */
export function CodeField(props: CodeFieldProps) {
  const { path, label, value, hint, placeholder, rows = 3 } = props;
  const text = value ?? '';
  const underlined = useUnderlinedError(path, text);
  const backdrop = useRef<HTMLDivElement>(null);
  return (
    <Field path={path} label={label} hint={hint} extraIssues={underlined ? [underlined] : []}>
      {(control) => (
        <div className={underlined ? 'form-code form-code--marked' : 'form-code'}>
          {underlined && <Underline ref={backdrop} text={text} at={underlined} />}
          <textarea
            {...control}
            className="form-mono"
            spellCheck={false}
            autoCapitalize="off"
            autoCorrect="off"
            rows={rows}
            value={text}
            placeholder={placeholder}
            onScroll={(e) => {
              if (backdrop.current) backdrop.current.scrollTop = e.currentTarget.scrollTop;
            }}
            onChange={(e) => emitChange(props, e.target.value, e.target.value === '')}
          />
        </div>
      )}
    </Field>
  );
}

/** The text again, invisible, with the bad range marked: it lies under the textarea, so the mark underlines it. */
function Underline({ ref, text, at }: { ref: Ref<HTMLDivElement>; text: string; at: UnderlinedError }) {
  const from = Math.min(at.from, text.length);
  const to = Math.min(at.to, text.length);
  // At the very end there is no character to underline: a space stands for the missing part.
  const marked = from < to ? text.slice(from, to) : ' ';
  return (
    <div ref={ref} className="form-code-backdrop form-mono" aria-hidden="true">
      {text.slice(0, from)}
      <mark className="form-code-mark" data-testid="code-underline" data-from={from} data-to={to}>
        {marked}
      </mark>
      {text.slice(to)}
      {'\n'}
    </div>
  );
}
