import type { BlockHooks } from '../form-types';

/** The columns that have missing values; none: the form asks. */
export const missingHooks: BlockHooks<'missing'> = {
  async suggest({ profile }) {
    const columns = (await profile('in'))?.columns.filter((c) => c.nulls > 0).map((c) => c.name) ?? [];
    return columns.length > 0 ? { columns } : undefined;
  },
  describe: (params) => `Missing: ${params.columns.join(', ')}`,
};
