import type { ReactNode } from 'react';
import { Field } from './Field';
import { useDefaultNames } from './form-context';
import { linesToNames, namesToLines } from './list-edit';
import { useDraftText } from './use-draft-text';

interface NameListFieldProps {
  path: string;
  label: string;
  value: readonly string[] | undefined;
  onChange(value: string[]): void;
  hint?: ReactNode;
}

/** A list of names typed one per line (names may hold commas and spaces). */
export function NameListField({ path, label, value, onChange, hint }: NameListFieldProps) {
  const fallback = useDefaultNames(path);
  const names = value ?? fallback;
  const [text, setText] = useDraftText(names, namesToLines, linesToNames);
  return (
    <Field path={path} label={label} hint={hint ?? 'One per line.'}>
      {(control) => (
        <textarea
          {...control}
          className="form-mono"
          spellCheck={false}
          rows={Math.min(Math.max(names.length + 1, 2), 8)}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            onChange(linesToNames(e.target.value));
          }}
        />
      )}
    </Field>
  );
}
