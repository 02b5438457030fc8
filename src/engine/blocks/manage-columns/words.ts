import { valueAt, type FieldWords, type ParamWords } from '../param-words';

/** What each step does with its columns, for "Choose the columns to drop". */
const VERB: Record<string, string> = { drop: 'drop', keep: 'keep', move: 'move', cast: 'change the type of' };

/** A step's fields mean different things by operation (`to` is a new name in a rename, a place in a move). */
function stepField(op: unknown, field: string): FieldWords | undefined {
  if (field === 'op') return { label: 'Operation', holds: 'choice' };
  if (op === 'rename') {
    if (field === 'from') return { label: 'Column', holds: 'column', empty: 'Choose the column to rename' };
    if (field === 'to') return { label: 'New name', holds: 'name', empty: 'Give the new column a name' };
  }
  if (op === 'duplicate') {
    if (field === 'column') return { label: 'Column', holds: 'column', empty: 'Choose the column to duplicate' };
    if (field === 'as') return { label: 'New name', holds: 'name', empty: 'Give the copy a name' };
  }
  if (field === 'columns') return { label: 'Columns', holds: 'columns', empty: `Choose the columns to ${VERB[String(op)] ?? 'use'}` };
  if (op === 'move') {
    if (field === 'to') return { label: 'Move to', holds: 'choice' };
    if (field === 'index') return { label: 'Position', holds: 'number' };
    if (field === 'anchor') return { label: 'Anchor column', holds: 'column', empty: 'Choose the column to move next to' };
  }
  if (op === 'cast' && field === 'type') return { label: 'Type', holds: 'choice' };
  if (field === 'onError') return { label: 'On error', holds: 'choice' };
  return undefined;
}

/** The form's names for the steps' fields: `operations.0.to` of a rename is "New name". */
export const manageColumnsWords: ParamWords = (path, params) => {
  const [list, index, field] = path;
  if (list !== 'operations') return undefined;
  if (index === undefined) return { label: 'Steps', holds: 'list', empty: 'Add at least one step' };
  if (typeof index !== 'number' || typeof field !== 'string' || path.length !== 3) return undefined;
  return stepField(valueAt(params, ['operations', index, 'op']), field);
};
