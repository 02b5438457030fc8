import { useId, type ReactNode } from 'react';
import { FieldIssues } from './Field';
import { useFieldIssues } from './form-context';

/** A titled group of fields (a nested object or a list), with the issues about the group as a whole. */
export function FieldGroup({ path, label, children }: { path: string; label: string; children: ReactNode }) {
  const id = useId();
  const issues = useFieldIssues(path);
  return (
    <fieldset className="form-group">
      <legend>{label}</legend>
      <FieldIssues id={id} issues={issues} />
      {children}
    </fieldset>
  );
}
