import { assertNever } from '../../../engine/assert-never';
import { blockRegistry } from '../../../engine/blocks/registry';
import { applyColumnOperations } from '../../../engine/blocks/manage-columns/definition';
import type { Column } from '../../../engine/blocks/contract';
import type { FormParams } from '../form-types';

export type ColumnStep = FormParams<'manage-columns'>['operations'][number];
export type StepKind = ColumnStep['op'];

export const stepKinds: readonly StepKind[] = ['drop', 'keep', 'rename', 'move', 'duplicate', 'cast'];

/** The columns a step names, so switching its operation keeps what the user already picked. */
function namedColumns(step: ColumnStep): string[] {
  if (step.op === 'rename') return [step.from];
  if (step.op === 'duplicate') return [step.column];
  return step.columns;
}

/** The step with another operation, keeping its columns; new fields start empty for the user to fill in. */
export function switchStep(step: ColumnStep, op: StepKind): ColumnStep {
  const columns = namedColumns(step).filter((c) => c !== '');
  const first = columns[0] ?? '';
  switch (op) {
    case 'drop':
    case 'keep':
      return { op, columns };
    case 'rename':
      return { op, from: first, to: '' };
    case 'move':
      return { op, columns, to: 'start' };
    case 'duplicate':
      return { op, column: first, as: first === '' ? '' : `${first}_copy` };
    case 'cast':
      return { op, columns, type: 'VARCHAR' };
    default:
      return assertNever(op);
  }
}

/**
 * The columns a step sees: the input's after the steps before it, so a later step can pick a renamed or duplicated
 * column. While an earlier step is incomplete or wrong, the input's own columns.
 */
export function columnsBeforeStep(input: readonly Column[], steps: readonly ColumnStep[], index: number): Column[] {
  if (index === 0 || input.length === 0) return [...input];
  const parsed = blockRegistry['manage-columns'].params.safeParse({ operations: steps.slice(0, index) });
  if (!parsed.success) return [...input];
  try {
    const out = applyColumnOperations({ ref: 'input', columns: [...input] }, parsed.data.operations);
    return out.map((c) => ({ name: c.name, type: c.type }));
  } catch {
    return [...input];
  }
}
