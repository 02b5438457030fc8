import { useId, type ReactNode } from 'react';
import type { Column } from '../../engine/blocks/contract';
import { notRunHint } from './ColumnSelect';
import { describedBy, FieldNotes } from './Field';
import { useDefaultNames, useFieldIssues } from './form-context';
import { toggleName } from './list-edit';
import { NameListField } from './NameListField';

interface ColumnMultiSelectProps {
  path: string;
  label: string;
  columns: readonly Column[];
  value: readonly string[] | undefined;
  onChange(value: string[]): void;
  hint?: ReactNode;
}

/**
 * Several columns of the input, as a checkbox per column. Picking order is kept (it is the output order where order
 * matters) and shown when it differs from the input's. Before the upstream block has run, names are typed one per line.
 */
export function ColumnMultiSelect({ path, label, columns, value, onChange, hint }: ColumnMultiSelectProps) {
  const id = useId();
  const issues = useFieldIssues(path);
  const fallback = useDefaultNames(path);
  if (columns.length === 0) return <NameListField path={path} label={label} value={value} onChange={onChange} hint={notRunHint(hint, 'type the names, one per line')} />;
  const picked = value ?? fallback;
  const missing = picked.filter((n) => !columns.some((c) => c.name === n));
  const inputOrder = columns.map((c) => c.name).filter((n) => picked.includes(n));
  const reordered = missing.length === 0 && inputOrder.some((n, i) => n !== picked[i]);
  const rows: Column[] = [...columns, ...missing.map((name) => ({ name, type: 'not in the input' }))];
  return (
    <div className="form-field">
      <span className="form-label" id={`${id}-label`}>
        {label}
      </span>
      <div
        className="form-checklist"
        role="group"
        aria-labelledby={`${id}-label`}
        {...describedBy(id, hint !== undefined, issues.length > 0)}
      >
        {rows.map((c, i) => (
          <div className="form-check" key={c.name}>
            <input
              type="checkbox"
              id={`${id}-${i}`}
              checked={picked.includes(c.name)}
              onChange={(e) => onChange(toggleName(picked, c.name, e.target.checked))}
            />
            <label htmlFor={`${id}-${i}`}>{c.name}</label>
            <span className="form-type">{c.type}</span>
          </div>
        ))}
      </div>
      {reordered && <p className="form-hint">In this order: {picked.join(', ')}</p>}
      <FieldNotes id={id} hint={hint} issues={issues} />
    </div>
  );
}
