import { useId, useState } from 'react';
import type { TypesFitted } from '../../../engine/blocks/types/definition';
import { parseFormat } from '../../../engine/blocks/written-formats';
import { castTypes, type CastType } from '../../../engine/sql/types';
import { useStudio } from '../../state/studio-store';
import { FieldGroup } from '../../forms/FieldGroup';
import { FormShell } from '../../forms/FormShell';
import { fieldBinder } from '../../forms/list-edit';
import { SelectField } from '../../forms/SelectField';
import { TextField } from '../../forms/TextField';
import type { BlockFormProps } from '../form-types';

const FIELDS = ['columns', 'formats', 'onError'];
const TYPES = ['auto', ...castTypes] as const;
type TypeChoice = CastType | 'auto';
const TYPE_LABELS = { auto: 'Auto (inferred)' };
const ON_ERROR = ['null', 'fail'] as const;
const ON_ERROR_LABELS = { null: 'Make it NULL', fail: 'Stop the run' };

/** The record without a key: a column set back to auto needs no entry. */
function without<T>(record: Readonly<Record<string, T>>, name: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== name));
}

/** What the format field says: the format inferred (and whether the date order is a guess), or why a typed one is not a format. */
function formatHint(own: string | undefined, inferred: string | undefined, ambiguous: boolean): string {
  if (own !== undefined) {
    const parsed = parseFormat(own);
    if ('error' in parsed) return `${parsed.error}.`;
    return inferred !== undefined && inferred !== own ? `Set on the block; inferred ${inferred}.` : 'Set on the block.';
  }
  if (inferred === undefined) return 'Tokens: DD MM YYYY, HH:MM(:SS), hh:MM AM, or currency.';
  if (ambiguous) return `Inferred ${inferred}: every day and month is 12 or less, so day-first is assumed. Type ${inferred.replace(/^(DD|MM)(.)(DD|MM)/, '$3$2$1')} if the month comes first.`;
  return `Inferred ${inferred} from the values.`;
}

/** Infers each text column's type from its values, with a per-column override. */
export function TypesForm({ blockId, params, onChange, inputs, issues }: BlockFormProps<'types'>) {
  const field = fieldBinder(params, onChange);
  const columnsField = field('columns');
  const formatsField = field('formats');
  const record = columnsField.value ?? {};
  const formats = formatsField.value ?? {};
  // The formats the last run inferred, stored in the flow with the types.
  const fitted = useStudio((s) => s.doc.blocks.find((b) => b.id === blockId)?.fitted as TypesFitted | undefined);
  const setFormat = (name: string, format: string | undefined) => formatsField.onChange(format === undefined || format.trim() === '' ? without(formats, name) : { ...formats, [name]: format });
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
            const inferred = fitted?.formats?.[name];
            const text = column === undefined || column.type === 'VARCHAR';
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
                {(text || formats[name] !== undefined) && (
                  <TextField
                    path={`formats.${name}`}
                    label={`${name} format`}
                    monospace
                    optional
                    value={formats[name]}
                    placeholder={inferred ?? 'as written'}
                    onChange={(f) => setFormat(name, f)}
                    hint={formatHint(formats[name], inferred, fitted?.ambiguous?.includes(name) ?? false)}
                  />
                )}
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
