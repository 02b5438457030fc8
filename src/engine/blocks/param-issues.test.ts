import { describe, expect, it } from 'vitest';
import { parseFlow } from '../flow/parse';
import { parseSettings, settingIssueMessage } from './param-issues';
import { blockDefinition, blockKinds, type BlockKind } from './registry';

/** The messages of every issue of params for a kind, by path. */
function messages(kind: BlockKind, params: unknown): Record<string, string> {
  const parsed = parseSettings(blockDefinition(kind), params);
  if (parsed.success) return {};
  return Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('settings problems in the form’s words', () => {
  it('an empty rename target asks for the new name, a move’s `to` for a place', () => {
    expect(messages('manage-columns', { operations: [{ op: 'rename', from: 'a', to: '' }] })).toEqual({ 'operations.0.to': 'Give the new column a name' });
    expect(messages('manage-columns', { operations: [{ op: 'move', columns: ['a'], to: 'middle' }] })).toEqual({
      'operations.0.to': '“Move to” must be one of “start”, “end”, “index”, “before”, “after”',
    });
    expect(messages('manage-columns', { operations: [{ op: 'drop', columns: [] }] })).toEqual({ 'operations.0.columns': 'Choose the columns to drop' });
    expect(messages('manage-columns', { operations: [] })).toEqual({ operations: 'Add at least one step' });
  });

  it('a column picker left empty asks to choose a column, by the kind’s words or by its key', () => {
    expect(messages('join', { keys: [{ left: '', right: 'movieId' }] })).toEqual({ 'keys.0.left': 'Choose the column of the left input to join on' });
    // multi-hot says nothing of `column`: the key tells it is a column.
    expect(messages('multi-hot', { column: '' })).toEqual({ column: 'Choose a column' });
    expect(messages('train-als', { userColumn: '' })).toMatchObject({ userColumn: 'Choose a column' });
  });

  it('names the field in numbers, types and unknown keys', () => {
    expect(messages('multi-hot', { column: 'genres', maxLabels: 0 })).toEqual({ maxLabels: '“Max labels” must be more than 0' });
    expect(messages('multi-hot', { column: 'genres', maxLabels: 2.5 })).toEqual({ maxLabels: '“Max labels” must be a whole number' });
    expect(messages('formula', { column: 'y', expression: 'x', colour: 1 })).toEqual({ '': 'Unknown setting “colour”: remove it' });
    expect(messages('formula', { column: '', expression: '' })).toEqual({
      column: 'Give the new column a name',
      expression: 'Write an expression over the columns, such as 0.3 * valence',
    });
  });

  it('keeps a schema’s own message (a refine’s, a regex’s)', () => {
    expect(messages('sql', { query: 'SELECT 1', inputs: ['df', 'DF'] })).toEqual({ inputs: 'input names must be different' });
    expect(messages('sql', { query: 'SELECT 1', inputs: ['1x'] })).toEqual({ 'inputs.0': 'a letter or _, then letters, digits or _ (at most 32)' });
  });

  it('reads without a kind’s words: the key becomes the label', () => {
    expect(settingIssueMessage({ code: 'too_big', origin: 'number', maximum: 10, inclusive: true, path: ['groupSize'] }, {})).toBe('“Group size” must be at most 10');
    expect(settingIssueMessage({ code: 'too_small', origin: 'array', minimum: 1, path: ['orderBy'] }, {})).toBe('Choose at least one column');
  });

  it('a flow file’s block settings read the same, at their JSON path', () => {
    const flow = {
      format: 'wrangle-flow',
      version: 1,
      inputs: {},
      blocks: [{ id: 'cols', kind: 'manage-columns', params: { operations: [{ op: 'rename', from: 'a', to: '' }] } }],
      edges: [],
    };
    expect(() => parseFlow(flow)).toThrow('Invalid flow at $.blocks[0].params.operations[0].to: Give the new column a name');
  });
});

describe('every kind’s settings problems, in words', () => {
  // zod's own sentences, which name types and lengths rather than fields.
  const ZOD_WORDS = /^(Too small|Too big|Invalid (input|option|string|element|key|union|discriminator)|Unrecognized key|expected )/;
  const wrongValues: unknown[] = ['', -1e9, 2.5, null, 'not-a-choice', [], {}];

  it.each(blockKinds)('%s: every top-level setting set wrong reads in words', (kind) => {
    const schema = blockDefinition(kind).params as unknown as { shape?: Record<string, unknown> };
    const keys = schema.shape ? Object.keys(schema.shape) : [];
    const tries: unknown[] = [{}, { settingThatIsNot: 1 }, ...keys.flatMap((k) => wrongValues.map((v) => ({ [k]: v })))];
    const said = tries.flatMap((t) => Object.values(messages(kind, t)));
    expect(said.length).toBeGreaterThan(0);
    expect(said.filter((m) => ZOD_WORDS.test(m))).toEqual([]);
  });
});
