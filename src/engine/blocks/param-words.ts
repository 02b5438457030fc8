/**
 * How a block kind names its settings to the user, so that a problem with one reads as a sentence about the field the
 * form shows ("Choose a column") rather than about a schema ("Too small: expected string to have >=1 characters").
 * Each kind says only what its paths do not already tell; the sentences themselves are made in param-issues.ts.
 */

/** What a setting holds, which decides how an empty or missing value is asked for. */
export type FieldHolds = 'column' | 'columns' | 'name' | 'expression' | 'text' | 'number' | 'choice' | 'list';

export interface FieldWords {
  /** The field's label as the form shows it (`New name`). */
  label: string;
  holds?: FieldHolds;
  /** The sentence for an empty or missing value, where the general one reads wrong (`Give the new column a name`). */
  empty?: string;
}

/** A setting's path, as zod reports it: keys and list indices (`operations`, 0, `to`). */
export type ParamPath = readonly PropertyKey[];

/** A kind's words for the setting at a path of its params (which may be invalid: the user is still typing). */
export type ParamWords = (path: ParamPath, params: unknown) => FieldWords | undefined;

/** True when a path (`keys.0.left`) fits a pattern (`keys.*.left`), `*` standing for any list index. */
export function pathFits(pattern: string, path: ParamPath): boolean {
  const want = pattern.split('.');
  return want.length === path.length && want.every((w, i) => w === String(path[i]) || (w === '*' && typeof path[i] === 'number'));
}

/** Words looked up by path pattern: the usual way for a kind whose fields mean the same in every state. */
export function wordsByPattern(words: Readonly<Record<string, FieldWords>>): ParamWords {
  const patterns = Object.entries(words);
  return (path) => patterns.find(([pattern]) => pathFits(pattern, path))?.[1];
}

/** The value at a path of a plain JSON value, or undefined. */
export function valueAt(value: unknown, path: ParamPath): unknown {
  let at = value;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}
