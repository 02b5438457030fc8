import { categoryColumn } from '../column-guess';
import type { BlockHooks } from '../form-types';

/** A text column with a few distinct values, the kind of column one-hot encoding is for. */
export const oneHotHooks: BlockHooks<'one-hot'> = {
  async suggest({ profile }, params) {
    const column = categoryColumn(await profile('in'), params.maxLabels);
    return column ? { column } : undefined;
  },
  describe: (params) => `One-hot ${params.column}`,
};
