import { categoryColumn } from '../column-guess';
import type { BlockHooks } from '../form-types';

/** A text column with a few distinct values, as one-hot picks it. */
export const ordinalHooks: BlockHooks<'ordinal'> = {
  async suggest({ profile }, params) {
    const column = categoryColumn(await profile('in'), params.maxLabels);
    return column ? { column } : undefined;
  },
  describe: (params) => `Ordinal ${params.column}`,
};
