import { useId, type ReactNode } from 'react';
import { emitChange, type ChangeProps } from './change';
import { Field } from './Field';
import { useFieldDefault } from './form-context';

/** What every text control takes. */
export interface TextBaseProps {
  path: string;
  label: string;
  value: string | undefined;
  hint?: ReactNode;
  placeholder?: string;
}

export type TextFieldProps = TextBaseProps & {
  /** Names offered while typing (e.g. the input's columns), without limiting what may be typed. */
  suggestions?: readonly string[];
  monospace?: boolean;
} & ChangeProps<string>;

/** A one-line text box; an optional one is left out of the params when emptied. */
export function TextField(props: TextFieldProps) {
  const { path, label, value, hint, placeholder, suggestions = [], monospace = false } = props;
  const fallback = useFieldDefault(path);
  const listId = useId();
  return (
    <Field path={path} label={label} hint={hint}>
      {(control) => (
        <>
          <input
            {...control}
            type="text"
            className={monospace ? 'form-mono' : undefined}
            spellCheck={false}
            autoComplete="off"
            value={value ?? (typeof fallback === 'string' ? fallback : '')}
            placeholder={placeholder}
            list={suggestions.length > 0 ? listId : undefined}
            onChange={(e) => emitChange(props, e.target.value, e.target.value === '')}
          />
          {suggestions.length > 0 && (
            <datalist id={listId}>
              {suggestions.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          )}
        </>
      )}
    </Field>
  );
}
