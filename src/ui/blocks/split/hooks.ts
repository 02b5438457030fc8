import type { BlockHooks } from '../form-types';

/** A split is known by its shares: `Split 70/30`. */
export const splitHooks: BlockHooks<'split'> = {
  describe: (params) => `Split ${params.outputs.map((o) => Math.round(o.fraction * 100)).join('/')}`,
};
