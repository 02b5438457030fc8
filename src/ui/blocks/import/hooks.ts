import type { BlockHooks } from '../form-types';

/** An import is known by the file it reads. */
export const importHooks: BlockHooks<'import'> = { describe: (params) => params.file };
