import { createContext, useContext } from 'react';
import type { FormIssue } from '../blocks/form-types';
import { namesOf } from './defaults';
import type { IssueIndex } from './issues';

/** What every field of one block's form shares: where its issues are, and the schema's defaults. */
export interface FormContextValue {
  issues: IssueIndex;
  /** The schema's default for the field at a dotted path, or undefined. */
  defaultAt(path: string): unknown;
}

export const FormContext = createContext<FormContextValue>({
  issues: { at: () => [], unmatched: [] },
  defaultAt: () => undefined,
});

export function useIssueIndex(): IssueIndex {
  return useContext(FormContext).issues;
}

export function useFieldIssues(path: string): FormIssue[] {
  return useContext(FormContext).issues.at(path);
}

export function useFieldDefault(path: string): unknown {
  return useContext(FormContext).defaultAt(path);
}

/** The default of a list-of-names field (`[]` where the schema has none). */
export function useDefaultNames(path: string): string[] {
  return namesOf(useFieldDefault(path));
}
