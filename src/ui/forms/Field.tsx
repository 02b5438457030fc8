import { useId, type ReactNode } from 'react';
import { useFieldIssues } from './form-context';

/** What a field hands its control so the label, hint and issues describe it. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

export interface FieldProps {
  /** The param's dotted path: the field shows the issues at it. */
  path: string;
  label: string;
  hint?: ReactNode;
  /** A checkbox sits before its label. */
  inline?: boolean;
  /** Messages about the field besides the schema's: the engine's error about an expression. */
  extraIssues?: readonly FieldMessage[];
  children(control: ControlProps): ReactNode;
}

/** A label, one control, an optional hint and the issues at the field's path. */
export function Field({ path, label, hint, inline = false, extraIssues = [], children }: FieldProps) {
  const id = useId();
  const issues = [...useFieldIssues(path), ...extraIssues];
  const control = children({ id, ...describedBy(id, hint !== undefined, issues.length > 0) });
  const labelEl = <label htmlFor={id}>{label}</label>;
  return (
    <div className={inline ? 'form-field form-field-inline' : 'form-field'}>
      {inline ? (
        <>
          {control}
          {labelEl}
        </>
      ) : (
        <>
          {labelEl}
          {control}
        </>
      )}
      <FieldNotes id={id} hint={hint} issues={issues} />
    </div>
  );
}

/** A message shown at a field, with its error code beside it where it has one. */
export interface FieldMessage {
  message: string;
  code?: string;
}

/** A field's hint and issues, with the ids `describedBy` points at. */
export function FieldNotes({ id, hint, issues }: { id: string; hint: ReactNode; issues: readonly FieldMessage[] }) {
  return (
    <>
      {hint !== undefined && (
        <p className="form-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldIssues id={`${id}-issues`} issues={issues} />
    </>
  );
}

/** The ARIA links from a control to its hint (`<id>-hint`) and issues (`<id>-issues`). */
export function describedBy(id: string, hasHint: boolean, hasIssues: boolean): Omit<ControlProps, 'id'> {
  const ids = [hasHint ? `${id}-hint` : '', hasIssues ? `${id}-issues` : ''].filter(Boolean).join(' ');
  return { ...(ids !== '' && { 'aria-describedby': ids }), ...(hasIssues && { 'aria-invalid': true as const }) };
}

/** The messages under a field or list, each with its code; nothing when there are none. */
export function FieldIssues({ id, issues }: { id: string; issues: readonly FieldMessage[] }) {
  if (issues.length === 0) return null;
  return (
    <ul className="form-field-issues" id={id}>
      {issues.map((issue, i) => (
        <li key={i}>
          {issue.message}
          {issue.code !== undefined && <code className="form-issue-code">{issue.code}</code>}
        </li>
      ))}
    </ul>
  );
}
