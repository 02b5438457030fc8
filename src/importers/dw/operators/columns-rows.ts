import { TranslationError } from '../expr/ast';
import { chain, draft, type NodeContext, type NodeTranslation } from '../drafts';
import { isRecord } from '../dw-flow';
import { columnList, modeOf, modeParameters, numberParam, requireText, textParam } from './params';

function moveOperation(p: Record<string, unknown>): Record<string, unknown> {
  const moveType = requireText(p, 'move_type', 'the kind of move');
  const inner = modeParameters(p, moveType);
  const columns = columnList(inner.column_to_move ?? inner.input_column);
  if (columns.length === 0) throw new TranslationError('the move names no column');
  const type = moveType.toLowerCase();
  if (type.includes('start')) return { op: 'move', columns, to: 'start' };
  if (type.includes('end')) return { op: 'move', columns, to: 'end' };
  if (type.includes('index')) {
    const index = numberParam(inner, 'index');
    if (index === undefined) throw new TranslationError('the move to an index names no index');
    return { op: 'move', columns, to: 'index', index };
  }
  const anchor = textParam(inner, 'target_column', 'column_to_move_after', 'column_to_move_before', 'anchor_column');
  if (type.includes('after')) return { op: 'move', columns, to: 'after', anchor };
  if (type.includes('before')) return { op: 'move', columns, to: 'before', anchor };
  throw new TranslationError(`the move "${moveType}" is not translated`);
}

/** `manage_columns`: drop, duplicate, rename or move, as one manage-columns step. */
export function translateManageColumns(ctx: NodeContext): NodeTranslation {
  const mode = modeOf(ctx.node.parameters);
  const p = modeParameters(ctx.node.parameters, mode);
  const m = mode.toLowerCase();
  let operation: Record<string, unknown>;
  if (m.startsWith('drop')) operation = { op: 'drop', columns: columnList(p.column_to_drop ?? p.input_column) };
  else if (m.startsWith('duplicate')) operation = { op: 'duplicate', column: requireText(p, 'input_column', 'the column'), as: requireText(p, 'new_name', 'the new name') };
  else if (m.startsWith('rename')) operation = { op: 'rename', from: requireText(p, 'input_column', 'the column'), to: requireText(p, 'new_name', 'the new name') };
  else if (m.startsWith('move')) operation = moveOperation(p);
  else throw new TranslationError(`the column operation "${mode}" is not translated`);
  const block = draft(ctx, 'manage-columns', { operations: [operation] }, { label: mode });
  return chain(ctx, [block], 'translated', `${mode.toLowerCase()}: manage-columns ${String(operation.op)}`);
}

/** `manage_rows`: sort or drop duplicates. */
export function translateManageRows(ctx: NodeContext): NodeTranslation {
  const mode = modeOf(ctx.node.parameters);
  const p = modeParameters(ctx.node.parameters, mode);
  const m = mode.toLowerCase();
  if (m.startsWith('sort')) {
    const columns = columnList(p.input_column ?? p.sort_by);
    if (columns.length === 0) throw new TranslationError('the sort names no column');
    const descending = /desc/i.test(textParam(p, 'order') ?? '');
    const block = draft(ctx, 'manage-rows', { op: 'sort', by: columns.map((column) => ({ column, descending })) }, { label: mode });
    return chain(ctx, [block], 'translated', `sort by ${columns.join(', ')}${descending ? ' descending' : ''}`);
  }
  if (m.includes('duplicate')) {
    const block = draft(ctx, 'manage-rows', { op: 'drop-duplicates' }, { label: mode });
    return chain(ctx, [block], 'translated', 'drop duplicate rows');
  }
  if (m.includes('shuffle')) {
    const block = draft(ctx, 'manage-rows', { op: 'shuffle', seed: Math.trunc(numberParam(p, 'seed', 'random_seed') ?? 42) }, { label: mode });
    return chain(ctx, [block], 'approximated', 'a seeded shuffle: a different order than Spark\'s');
  }
  throw new TranslationError(`the row operation "${mode}" is not translated`);
}

const JOIN_TYPES: Record<string, string> = {
  inner: 'inner', leftouter: 'left', left: 'left', rightouter: 'right', right: 'right', fullouter: 'full', full: 'full', outer: 'full',
  leftsemi: 'semi', semi: 'semi', leftanti: 'anti', anti: 'anti', crossjoin: 'cross', cross: 'cross', cartesiancross: 'cross',
};

/** The key pairs of a join: `left_column`/`right_column` (a name or a list), or a list of pairs. */
function joinKeys(p: Record<string, unknown>): { left: string; right: string }[] {
  const pairs = Array.isArray(p.join_keys) ? p.join_keys : Array.isArray(p.keys) ? p.keys : undefined;
  if (pairs) {
    return pairs.map((k: unknown) => {
      const pair = isRecord(k) ? k : {};
      const left = textParam(pair, 'left_column', 'left');
      const right = textParam(pair, 'right_column', 'right');
      if (!left || !right) throw new TranslationError('a join key pair lacks its left or right column');
      return { left, right };
    });
  }
  const left = columnList(p.left_column ?? p.left_columns);
  const right = columnList(p.right_column ?? p.right_columns);
  if (left.length !== right.length) throw new TranslationError(`the join has ${left.length} left keys and ${right.length} right keys`);
  return left.map((l, i) => ({ left: l, right: right[i]! }));
}

/** `join_tables` and `join_multi_keys`: a join block; the first input is left, the second right. */
export function translateJoin(ctx: NodeContext): NodeTranslation {
  const p = ctx.node.parameters;
  if (ctx.node.inputs.length !== 2) throw new TranslationError(`a join needs two inputs, this one has ${ctx.node.inputs.length}`);
  const dwType = (textParam(p, 'join_type') ?? 'inner').toLowerCase().replace(/[^a-z]/g, '');
  const type = JOIN_TYPES[dwType];
  if (!type) throw new TranslationError(`the join type "${String(p.join_type)}" is not translated`);
  const keys = type === 'cross' ? [] : joinKeys(p);
  const label = ctx.node.name ?? `Join on ${keys.map((k) => (k.left === k.right ? k.left : `${k.left}=${k.right}`)).join(', ')}`;
  const block = draft(ctx, 'join', { type, keys }, { label });
  const t = chain(ctx, [block], 'translated', `${type} join on ${keys.map((k) => `${k.left} = ${k.right}`).join(' and ') || 'every pair of rows'}; names on both sides become _0 / _1`);
  return { ...t, entries: [{ block: block.id, port: 'left' }, { block: block.id, port: 'right' }] };
}
