import type { BlockHooks } from '../form-types';

/** A filter is known by its condition. */
export const filterHooks: BlockHooks<'filter'> = { describe: (params) => `Filter ${params.condition}` };
