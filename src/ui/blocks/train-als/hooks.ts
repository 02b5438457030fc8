import { suggestRatingColumns } from '../column-guess';
import type { BlockHooks } from '../form-types';
import { modelCardCount } from '../model-card-count';

/** User, item and rating columns by their names and types; a role no column's name gives keeps its setting. */
export const trainAlsHooks: BlockHooks<'train-als'> = {
  suggest: async ({ columns }) => suggestRatingColumns(columns),
  describe: (params) => `ALS: ${params.userColumn} × ${params.itemColumn}`,
  cardCount: modelCardCount,
};
