import { suggestRatingColumns } from '../column-guess';
import type { BlockHooks } from '../form-types';
import { modelCardCount } from '../model-card-count';

/** User, item and rating columns by their names and types, as Train ALS picks them. */
export const tuneHooks: BlockHooks<'tune'> = {
  suggest: async ({ columns }) => suggestRatingColumns(columns),
  describe: (params) => `Tune ALS: ${params.userColumn} × ${params.itemColumn}`,
  cardCount: modelCardCount,
};
