import type { BlockHooks } from '../form-types';

/** An export is known by the file it writes. */
export const exportHooks: BlockHooks<'export'> = { describe: (params) => `Export ${params.file}` };
