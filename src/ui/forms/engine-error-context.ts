import { createContext, useContext } from 'react';
import type { EngineErrorInfo } from '../../worker/engine-api';

/** The engine's error for the block whose form this is (undefined when it ran, or failed without saying where). */
export const EngineErrorContext = createContext<EngineErrorInfo | undefined>(undefined);

/** A range of a field's text the engine's error is about, with the error to show beside it. */
export interface UnderlinedError {
  from: number;
  to: number;
  message: string;
  code: string;
}

/**
 * The engine's error about the text in the field at `path`, while the field still holds the text it was about: once
 * the user edits it, the old range would point at the wrong characters.
 */
export function useUnderlinedError(path: string, value: string): UnderlinedError | undefined {
  const error = useContext(EngineErrorContext);
  const span = error?.span;
  if (!error || !span || span.param !== path || span.text !== value) return undefined;
  return { from: span.from, to: Math.max(span.to, span.from + 1), message: error.message, code: error.code };
}
