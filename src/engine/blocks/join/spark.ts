import { pyString, pyValue, type SparkEmitter } from '../../spark/contract';

type JoinParams = { type: 'inner' | 'left' | 'right' | 'full' | 'semi' | 'anti' | 'cross'; keys: { left: string; right: string }[] };

const HOW = { inner: 'inner', left: 'left', right: 'right', full: 'full', semi: 'left_semi', anti: 'left_anti' } as const;

/** A join: left columns then right ones, a name on both sides suffixed `_0` (left) and `_1` (right), as in DuckDB. */
export const joinSpark: SparkEmitter<JoinParams> = ({ params: p, unsupported }) => {
  if (p.type !== 'cross' && p.keys.length === 0) throw unsupported(`a ${p.type} join without keys`, 'keys');
  const keys = pyValue(p.keys.map((k) => [k.left, k.right]));
  if (p.type === 'cross') {
    return {
      body: [
        'left_names, right_names = joined_names(left.columns, right.columns)',
        'return left.toDF(*left_names).crossJoin(right.toDF(*right_names))',
      ],
    };
  }
  if (p.type === 'semi' || p.type === 'anti') {
    return {
      body: [
        `keys = ${keys}`,
        '# The right side only filters: its columns take names the left cannot have.',
        'right_index = {n: i for i, n in enumerate(right.columns)}',
        'right = right.toDF(*[f"__wrangle_r{i}" for i in range(len(right.columns))])',
        'on = [col(l) == col(f"__wrangle_r{right_index[r]}") for l, r in keys]',
        `return left.join(right, on=on, how=${pyString(HOW[p.type])})`,
      ],
    };
  }
  return {
    body: [
      `keys = ${keys}`,
      'left_names, right_names = joined_names(left.columns, right.columns)',
      'left_as = dict(zip(left.columns, left_names))',
      'right_as = dict(zip(right.columns, right_names))',
      'on = [col(left_as[l]) == col(right_as[r]) for l, r in keys]',
      `return left.toDF(*left_names).join(right.toDF(*right_names), on=on, how=${pyString(HOW[p.type])})`,
    ],
  };
};
