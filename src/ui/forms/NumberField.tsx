import type { ReactNode } from 'react';
import { Field } from './Field';
import { useFieldDefault } from './form-context';
import { formatNumber, parseNumberText } from './numbers';
import { useDraftText } from './use-draft-text';

interface BaseProps {
  path: string;
  label: string;
  value: number | undefined;
  hint?: ReactNode;
  min?: number;
  max?: number;
  /** `1` for whole numbers; fractions by default. */
  step?: number;
}

/** Required: clearing the box changes nothing until a number is typed. Otherwise clearing restores the default. */
type NumberFieldProps = BaseProps & ({ required: true; onChange(value: number): void } | { required?: false; onChange(value: number | undefined): void });

/** A number box: text becomes a number, an empty box means "use the default" (shown as the placeholder). */
export function NumberField(props: NumberFieldProps) {
  const { path, label, value, hint, min, max, step } = props;
  const fallback = useFieldDefault(path);
  const shownDefault = typeof fallback === 'number' ? fallback : undefined;
  const [text, setText] = useDraftText(
    value ?? shownDefault,
    formatNumber,
    (t) => {
      const parsed = parseNumberText(t);
      return parsed.kind === 'number' ? parsed.value : parsed.kind === 'empty' ? shownDefault : Number.NaN;
    },
  );
  const typed = parseNumberText(text);
  const problem = typed.kind === 'invalid' ? 'Not a number' : typed.kind === 'empty' && props.required ? 'Enter a number' : undefined;

  const edit = (t: string) => {
    setText(t);
    const parsed = parseNumberText(t);
    if (parsed.kind === 'number') props.onChange(parsed.value);
    else if (parsed.kind === 'empty' && !props.required) props.onChange(undefined);
  };

  return (
    <Field path={path} label={label} hint={problem ?? hint}>
      {(control) => (
        <input
          {...control}
          type="number"
          inputMode="decimal"
          step={step ?? 'any'}
          min={min}
          max={max}
          value={text}
          placeholder={formatNumber(shownDefault)}
          onChange={(e) => edit(e.target.value)}
        />
      )}
    </Field>
  );
}
