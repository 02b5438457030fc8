import { useId, useState } from 'react';
import { castTypes, type CastType } from '../../../engine/sql/types';
import { FieldGroup } from '../../forms/FieldGroup';
import { FormShell } from '../../forms/FormShell';
import { fieldBinder } from '../../forms/list-edit';
import { SelectField } from '../../forms/SelectField';
import type { BlockFormProps } from '../form-types';

const FIELDS = ['columns', 'onError'];
const TYPES = ['auto', ...castTypes] as const;
type TypeChoice = CastType | 'auto';
const TYPE_LABELS = { auto: 'Auto (inferred)' };
const ON_ERROR = ['null', 'fail'] as const;
const ON_ERROR_LABELS = { null: 'Make it NULL', fail: 'Stop the run' };

/** The record without a key: a column set back to auto needs no entry. */
function without(record: Readonly<Record<string, TypeChoice>>, name: string): Record<string, TypeChoice> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== name));
}

/** Infers each text column's type from its values, with a per-column override. */
export function TypesForm({ params, onChange, inputs, issues }: BlockFormProps<'types'>) {
  const field = fieldBinder(params, onChange);
  const columnsField = field('columns');
  const record = columnsField.value ?? {};
  const upstream = inputs.in ?? [];
  const names = [...upstream.map((c) => c.name), ...Object.keys(record).filter((k) => !upstream.some((c) => c.name === k))];
  const choose = (name: string, type: TypeChoice) => {
    const listed = upstream.some((c) => c.name === name);
    columnsField.onChange(type === 'auto' && listed ? without(record, name) : { ...record, [name]: type });
  };
  return (
    <FormShell kind="types" params={params} issues={issues} fields={FIELDS}>
      <FieldGroup path="columns" label="Column types">
        {names.length === 0 && <p className="form-hint">Run the upstream block to list its columns, or add one by name.</p>}
        <div className="form-grid">
          {names.map((name) => {
            const column = upstream.find((c) => c.name === name);
            return (
              <div className="form-grid-row" key={name}>
                <SelectField
                  path={`columns.${name}`}
                  label={name}
                  options={TYPES}
                  labels={TYPE_LABELS}
                  value={record[name] ?? 'auto'}
                  onChange={(t) => choose(name, t)}
                  hint={column ? `Read as ${column.type}` : 'Not in the input'}
                />
                {!column && (
                  <button type="button" aria-label={`Remove ${name}`} title="Remove" onClick={() => columnsField.onChange(without(record, name))}>
                    ✕
                  </button>
                )}
              </div>
            );
          })}
        </div>
        {upstream.length === 0 && <AddColumn taken={names} onAdd={(name) => columnsField.onChange({ ...record, [name]: 'auto' })} />}
      </FieldGroup>
      <SelectField label="On error" options={ON_ERROR} labels={ON_ERROR_LABELS} {...field('onError')} hint="A value that does not convert to the chosen type." />
    </FormShell>
  );
}

/** A column typed by name, for a column the upstream block has not shown yet. */
function AddColumn({ taken, onAdd }: { taken: readonly string[]; onAdd(name: string): void }) {
  const id = useId();
  const [name, setName] = useState('');
  const ok = name !== '' && !taken.includes(name);
  return (
    <div className="form-inline-add">
      <label htmlFor={id}>Column name</label>
      <input id={id} type="text" className="form-mono" spellCheck={false} value={name} onChange={(e) => setName(e.target.value)} />
      <button
        type="button"
        disabled={!ok}
        onClick={() => {
          onAdd(name);
          setName('');
        }}
      >
        Add column
      </button>
    </div>
  );
}
