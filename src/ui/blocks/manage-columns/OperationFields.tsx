import { assertNever } from '../../../engine/assert-never';
import type { Column } from '../../../engine/blocks/contract';
import { castTypes } from '../../../engine/sql/types';
import { ColumnMultiSelect } from '../../forms/ColumnMultiSelect';
import { ColumnSelect } from '../../forms/ColumnSelect';
import { fieldBinder, type BoundField } from '../../forms/list-edit';
import { NumberField } from '../../forms/NumberField';
import { SelectField } from '../../forms/SelectField';
import { TextField } from '../../forms/TextField';
import type { ColumnStep } from './steps';

const MOVE_TO = ['start', 'end', 'index', 'before', 'after'] as const;
const MOVE_LABELS = { start: 'The start', end: 'The end', index: 'A position', before: 'Before a column', after: 'After a column' };
const ON_ERROR = ['fail', 'null'] as const;
const ON_ERROR_LABELS = { fail: 'Stop the run', null: 'Make it NULL' };

interface OperationFieldsProps {
  step: ColumnStep;
  /** The step's path, `operations.<i>`. */
  path: string;
  columns: readonly Column[];
  onChange(step: ColumnStep): void;
}

/** The fields of one step, which depend on its operation. */
export function OperationFields({ step, path, columns, onChange }: OperationFieldsProps) {
  switch (step.op) {
    case 'drop':
    case 'keep':
      return <ColumnMultiSelect label="Columns" columns={columns} {...fieldBinder(step, onChange, path)('columns')} />;
    case 'rename': {
      const field = fieldBinder(step, onChange, path);
      return <ColumnAndNewName columns={columns} column={field('from')} name={field('to')} />;
    }
    case 'duplicate': {
      const field = fieldBinder(step, onChange, path);
      return <ColumnAndNewName columns={columns} column={field('column')} name={field('as')} />;
    }
    case 'move': {
      const field = fieldBinder(step, onChange, path);
      return (
        <>
          <ColumnMultiSelect label="Columns" columns={columns} {...field('columns')} />
          <SelectField label="Move to" options={MOVE_TO} labels={MOVE_LABELS} {...field('to')} />
          {step.to === 'index' && <NumberField label="Position" {...field('index')} min={0} step={1} hint="0 is the first column." />}
          {(step.to === 'before' || step.to === 'after') && <ColumnSelect label="Anchor column" optional columns={columns} {...field('anchor')} />}
        </>
      );
    }
    case 'cast': {
      const field = fieldBinder(step, onChange, path);
      return (
        <>
          <ColumnMultiSelect label="Columns" columns={columns} {...field('columns')} />
          <SelectField label="Type" options={castTypes} {...field('type')} />
          <SelectField label="On error" options={ON_ERROR} labels={ON_ERROR_LABELS} {...field('onError')} />
        </>
      );
    }
    default:
      return assertNever(step);
  }
}

/** A rename or a duplicate: the column it starts from and the name it gets. */
function ColumnAndNewName({ columns, column, name }: { columns: readonly Column[]; column: BoundField<string>; name: BoundField<string> }) {
  return (
    <>
      <ColumnSelect label="Column" columns={columns} {...column} />
      <TextField label="New name" {...name} />
    </>
  );
}
