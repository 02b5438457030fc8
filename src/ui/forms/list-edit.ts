/** Immutable edits the forms make to lists and objects; each returns a new value and leaves its argument alone. */

export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((x, i) => (i === index ? item : x));
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** Swaps an item with the one before it; the first item stays where it is. */
export function moveUp<T>(list: readonly T[], index: number): T[] {
  if (index <= 0 || index >= list.length) return [...list];
  const next = [...list];
  [next[index - 1], next[index]] = [next[index]!, next[index - 1]!];
  return next;
}

/** Adds a name at the end, or removes it: the order of picking is kept, since it is the output order. */
export function toggleName(names: readonly string[], name: string, on: boolean): string[] {
  const rest = names.filter((n) => n !== name);
  return on ? [...rest, name] : rest;
}

/** One name per line; blank lines are dropped, and names are kept exactly as typed otherwise. */
export function linesToNames(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.trim() !== '');
}

export function namesToLines(names: readonly string[]): string {
  return names.join('\n');
}

/**
 * The object with one key set. Undefined removes the key, so a cleared optional field falls back to its default
 * and the saved flow stays free of empty entries.
 */
export function withKey<T extends object, K extends keyof T>(obj: T, key: K, value: T[K]): T {
  const next = { ...obj };
  if (value === undefined) Reflect.deleteProperty(next, key);
  else next[key] = value;
  return next;
}

/** What a field needs to edit one key of an object: its issue path, its value and how to change it. */
export interface BoundField<V> {
  path: string;
  value: V;
  onChange(value: V): void;
}

/**
 * Binds fields to the keys of one object (the params, or one item of a list under `prefix`): `{...field('column')}`
 * gives a field its path, value and change handler, each change handing the whole new object to onChange.
 */
export function fieldBinder<T extends object>(obj: T, onChange: (next: T) => void, prefix = '') {
  return <K extends keyof T & string>(key: K): BoundField<T[K]> => ({
    path: prefix === '' ? key : `${prefix}.${key}`,
    value: obj[key],
    onChange: (value) => onChange(withKey(obj, key, value)),
  });
}
