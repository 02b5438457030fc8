import { useState } from 'react';

/**
 * Local text for a control whose value is parsed (a number, a list of lines). The text the user types is kept while it
 * means the same as the value, so a half-typed `0.` or a trailing newline is not rewritten; an outside change (undo,
 * another field) replaces it. `format` must give equal strings for equal values.
 */
export function useDraftText<T>(value: T, format: (value: T) => string, parse: (text: string) => T) {
  const shown = format(value);
  const [text, setText] = useState(shown);
  const [seen, setSeen] = useState(shown);
  if (seen !== shown) {
    setSeen(shown);
    if (format(parse(text)) !== shown) setText(shown);
  }
  return [text, setText] as const;
}
