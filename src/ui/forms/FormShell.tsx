import { useMemo, type ReactNode } from 'react';
import { blockRegistry, type BlockKind } from '../../engine/blocks/registry';
import type { FormIssue } from '../blocks/form-types';
import { schemaDefault } from './defaults';
import { FormContext, type FormContextValue } from './form-context';
import { indexIssues } from './issues';
import '../styles/forms.css';

interface FormShellProps {
  kind: BlockKind;
  params: unknown;
  issues: readonly FormIssue[];
  /** The field paths this form renders, as patterns (`keys.*.left`); issues outside them are listed at the top. */
  fields: readonly string[];
  children: ReactNode;
}

/** The frame of every block form: issues no field shows, then the fields, which read issues and defaults from it. */
export function FormShell({ kind, params, issues, fields, children }: FormShellProps) {
  const value = useMemo<FormContextValue>(() => {
    const schema = blockRegistry[kind].params;
    return { issues: indexIssues(issues, fields), defaultAt: (path) => schemaDefault(schema, path, params) };
  }, [kind, params, issues, fields]);
  const top = value.issues.unmatched;
  return (
    <FormContext value={value}>
      <div className="block-form">
        {top.length > 0 && (
          <ul className="form-issues" role="alert">
            {top.map((issue, i) => (
              <li key={i} title={issue.path === '' ? undefined : `Setting ${issue.path}`}>
                {issue.message} <code>{issue.code}</code>
              </li>
            ))}
          </ul>
        )}
        {children}
      </div>
    </FormContext>
  );
}
