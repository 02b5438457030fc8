import { formatCount } from '../../preview/number-format';
import type { BlockHooks } from '../form-types';

/** A prediction's rows are the rows it scored (a cold start is dropped, or kept with NaN): the card says so. */
export const predictHooks: BlockHooks<'predict'> = {
  cardCount: ({ rows }) => (rows === undefined ? undefined : `${formatCount(rows)} ${rows === 1 ? 'row' : 'rows'} scored`),
};
