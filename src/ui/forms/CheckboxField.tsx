import type { ReactNode } from 'react';
import { Field } from './Field';
import { useFieldDefault } from './form-context';

interface CheckboxFieldProps {
  path: string;
  label: string;
  value: boolean | undefined;
  onChange(value: boolean): void;
  hint?: ReactNode;
}

/** A yes/no param; an absent one shows the schema's default. */
export function CheckboxField({ path, label, value, onChange, hint }: CheckboxFieldProps) {
  const fallback = useFieldDefault(path);
  return (
    <Field path={path} label={label} hint={hint} inline>
      {(control) => (
        <input {...control} type="checkbox" checked={value ?? fallback === true} onChange={(e) => onChange(e.target.checked)} />
      )}
    </Field>
  );
}
