import type { BlockHooks } from '../form-types';

/** A formula is known by the column it makes. */
export const formulaHooks: BlockHooks<'formula'> = { describe: (params) => `${params.column} = ${params.expression}` };
