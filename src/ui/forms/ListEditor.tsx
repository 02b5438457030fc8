import { useId, type ReactNode } from 'react';
import { FieldIssues } from './Field';
import { FieldGroup } from './FieldGroup';
import { useIssueIndex } from './form-context';
import { moveUp, removeAt, replaceAt } from './list-edit';

interface ListEditorProps<T> {
  /** The list param's path: issues at it show under the legend, and `<path>.<i>` in each item. */
  path: string;
  label: string;
  /** What one item is called, in lower case: "key pair" gives "Add key pair", "Key pair 1", "Remove key pair 1". */
  itemName: string;
  value: readonly T[] | undefined;
  /** The items shown while the param is absent: its schema default. */
  fallback?: readonly T[];
  onChange(next: T[]): void;
  newItem(): T;
  min?: number;
  max?: number;
  /** Whether each item shows the issues at `<path>.<i>`: off where the item is one field that shows them itself. */
  itemIssues?: boolean;
  /** Shown under the items, e.g. a running total. */
  footer?: ReactNode;
  children(item: T, index: number, update: (next: T) => void): ReactNode;
}

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** An ordered list of items, each a group of fields, with add, remove and move-up buttons. */
export function ListEditor<T>({ path, label, itemName, value, fallback = [], onChange, newItem, min = 0, max = Infinity, itemIssues = true, footer, children }: ListEditorProps<T>) {
  const id = useId();
  const issues = useIssueIndex();
  const items = value ?? fallback;
  return (
    <FieldGroup path={path} label={label}>
      {items.length === 0 && <p className="form-hint">No {itemName}s yet.</p>}
      {items.map((item, i) => {
        const name = `${itemName} ${i + 1}`;
        return (
          <div className="form-list-item" role="group" aria-label={capitalized(name)} key={i}>
            <div className="form-list-fields">{children(item, i, (next) => onChange(replaceAt(items, i, next)))}</div>
            <div className="form-list-actions">
              <button type="button" aria-label={`Move ${name} up`} title="Move up" disabled={i === 0} onClick={() => onChange(moveUp(items, i))}>
                ↑
              </button>
              <button type="button" aria-label={`Remove ${name}`} title="Remove" disabled={items.length <= min} onClick={() => onChange(removeAt(items, i))}>
                ✕
              </button>
            </div>
            <FieldIssues id={`${id}-${i}`} issues={itemIssues ? issues.at(`${path}.${i}`) : []} />
          </div>
        );
      })}
      {footer}
      <button type="button" className="form-add" disabled={items.length >= max} onClick={() => onChange([...items, newItem()])}>
        Add {itemName}
      </button>
    </FieldGroup>
  );
}
