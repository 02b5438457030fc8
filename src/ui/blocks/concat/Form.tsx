import { CheckboxField } from '../../forms/CheckboxField';
import { FormShell } from '../../forms/FormShell';
import { fieldBinder } from '../../forms/list-edit';
import { NumberField } from '../../forms/NumberField';
import { TextField } from '../../forms/TextField';
import type { BlockFormProps } from '../form-types';

const FIELDS = ['inputs', 'distinct', 'sourceColumn'];

/** Stacks the rows of 2–4 inputs, matching columns by name. */
export function ConcatForm({ params, onChange, issues }: BlockFormProps<'concat'>) {
  const field = fieldBinder(params, onChange);
  return (
    <FormShell kind="concat" params={params} issues={issues} fields={FIELDS}>
      <NumberField label="Number of inputs" {...field('inputs')} min={2} max={4} step={1} hint="Ports in1 … in4." />
      <CheckboxField label="Drop duplicate rows" {...field('distinct')} />
      <TextField label="Source column" optional {...field('sourceColumn')} placeholder="(none)" hint="Adds a column holding the port each row came from." />
    </FormShell>
  );
}
