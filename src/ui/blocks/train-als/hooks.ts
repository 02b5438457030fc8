import { ratingColumns } from '../column-guess';
import type { BlockHooks } from '../form-types';

/** User, item and rating columns by their names and types; a role no column's name gives keeps its setting. */
export const trainAlsHooks: BlockHooks<'train-als'> = {
  async suggest({ columns }) {
    const found = ratingColumns(columns.ratings ?? []);
    const next = {
      ...(found.user ? { userColumn: found.user } : {}),
      ...(found.item ? { itemColumn: found.item } : {}),
      ...(found.rating ? { ratingColumn: found.rating } : {}),
    };
    return Object.keys(next).length > 0 ? next : undefined;
  },
  describe: (params) => `ALS: ${params.userColumn} × ${params.itemColumn}`,
};
