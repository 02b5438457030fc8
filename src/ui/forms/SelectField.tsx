import type { ReactNode } from 'react';
import { Field } from './Field';
import { useFieldDefault } from './form-context';

type SelectFieldProps<T extends string> = {
  path: string;
  label: string;
  options: readonly T[];
  /** Words for the options where the value itself is not plain enough. */
  labels?: Partial<Record<NoInfer<T>, string>>;
  value: NoInfer<T> | undefined;
  hint?: ReactNode;
} & (
  | { emptyLabel?: undefined; onChange(value: NoInfer<T>): void }
  /** An optional param with no default: the empty choice (e.g. "Auto-detect") leaves it out. */
  | { emptyLabel: string; onChange(value: NoInfer<T> | undefined): void }
);

/** A choice among fixed values; an absent param shows the schema's default. */
export function SelectField<T extends string>(props: SelectFieldProps<T>) {
  const { path, label, options, labels, value, hint } = props;
  const fallback = useFieldDefault(path);
  const known = (v: unknown): v is T => options.some((o) => o === v);
  const shown = value ?? (known(fallback) ? fallback : props.emptyLabel !== undefined ? '' : options[0]);
  const pick = (v: string) => {
    if (props.emptyLabel !== undefined) props.onChange(known(v) ? v : undefined);
    else if (known(v)) props.onChange(v);
  };
  return (
    <Field path={path} label={label} hint={hint}>
      {(control) => (
        <select {...control} value={shown} onChange={(e) => pick(e.target.value)}>
          {props.emptyLabel !== undefined && <option value="">{props.emptyLabel}</option>}
          {value !== undefined && !known(value) && <option value={value}>{value}</option>}
          {options.map((o) => (
            <option key={o} value={o}>
              {labels?.[o] ?? o}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
