import type { ReactNode } from 'react';
import { Field } from './Field';
import { useFieldDefault } from './form-context';
import { useDraftText } from './use-draft-text';

interface NumberListFieldProps {
  path: string;
  label: string;
  value: readonly number[] | undefined;
  onChange(value: number[]): void;
  hint?: ReactNode;
}

const format = (values: readonly number[]) => values.join(', ');
/** Numbers separated by commas or spaces; anything that is not a number is dropped, and the schema reports an empty list. */
const parse = (text: string) =>
  text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map(Number)
    .filter((n) => Number.isFinite(n));

/** A short list of numbers typed on one line, e.g. a grid of values to try: `5, 10, 20`. */
export function NumberListField({ path, label, value, onChange, hint }: NumberListFieldProps) {
  const fallback = useFieldDefault(path);
  const values = value ?? (Array.isArray(fallback) ? (fallback as number[]) : []);
  const [text, setText] = useDraftText(values, format, parse);
  return (
    <Field path={path} label={label} hint={hint ?? 'Separate values with commas.'}>
      {(control) => (
        <input
          {...control}
          type="text"
          inputMode="decimal"
          className="form-mono"
          spellCheck={false}
          autoComplete="off"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            onChange(parse(e.target.value));
          }}
        />
      )}
    </Field>
  );
}
