import type { ReactNode } from 'react';
import type { Column } from '../../engine/blocks/contract';
import { emitChange, type ChangeProps } from './change';
import { useUnderlinedError } from './engine-error-context';
import { Field } from './Field';
import { TextField } from './TextField';

export type ColumnSelectProps = {
  path: string;
  label: string;
  /** The upstream columns; empty until the upstream block has run, when a text box takes the name instead. */
  columns: readonly Column[];
  value: string | undefined;
  hint?: ReactNode;
  /** Choices besides the columns, e.g. `*` for a row count. */
  extra?: readonly { value: string; label: string }[];
  /** For an optional column: the words for "no column". */
  noneLabel?: string;
} & ChangeProps<string>;

/** The hint of a column field whose upstream block has not run, so its names are typed. */
export function notRunHint(hint: ReactNode, what = 'type the name'): ReactNode {
  const note = `The upstream block has not run yet: ${what}.`;
  return hint === undefined ? note : (
    <>
      {hint} {note}
    </>
  );
}

/** One column of the input, picked by name; each choice shows the column's type. */
export function ColumnSelect(props: ColumnSelectProps) {
  const { path, label, columns, value, hint, extra = [], noneLabel = '(none)' } = props;
  const current = value ?? '';
  // The engine's error about this very choice (a join key renamed upstream) is shown at the field too.
  const engineError = useUnderlinedError(path, current);
  if (columns.length === 0) return <TextField {...props} hint={notRunHint(hint)} monospace />;
  const listed = current === '' || extra.some((x) => x.value === current) || columns.some((c) => c.name === current);
  return (
    <Field path={path} label={label} hint={hint} extraIssues={engineError ? [engineError] : []}>
      {(control) => (
        <select {...control} value={current} onChange={(e) => emitChange(props, e.target.value, e.target.value === '')}>
          {props.optional ? (
            <option value="">{noneLabel}</option>
          ) : (
            current === '' && (
              <option value="" disabled>
                Choose a column…
              </option>
            )
          )}
          {!listed && <option value={current}>{current} (not in the input)</option>}
          {extra.map((x) => (
            <option key={x.value} value={x.value}>
              {x.label}
            </option>
          ))}
          {columns.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name} · {c.type}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
