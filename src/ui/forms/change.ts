/**
 * A control's change handler. A required param always gets a value; an optional one gets undefined when the
 * control is cleared, so the param is left out and the engine's default (or "not set") applies.
 */
export type ChangeProps<T> = { optional?: false; onChange(value: T): void } | { optional: true; onChange(value: T | undefined): void };

export function emitChange<T>(props: ChangeProps<T>, value: T, cleared: boolean): void {
  if (props.optional) props.onChange(cleared ? undefined : value);
  else props.onChange(value);
}
