import { emitChange, type ChangeProps } from './change';
import { Field } from './Field';
import type { TextBaseProps } from './TextField';

export type CodeFieldProps = TextBaseProps & { rows?: number } & ChangeProps<string>;

/** A SQL expression or query: monospace, no spell check, Tab left to move focus so the keyboard never gets stuck. */
export function CodeField(props: CodeFieldProps) {
  const { path, label, value, hint, placeholder, rows = 3 } = props;
  return (
    <Field path={path} label={label} hint={hint}>
      {(control) => (
        <textarea
          {...control}
          className="form-mono"
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          rows={rows}
          value={value ?? ''}
          placeholder={placeholder}
          onChange={(e) => emitChange(props, e.target.value, e.target.value === '')}
        />
      )}
    </Field>
  );
}
