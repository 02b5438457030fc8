import { ratingScale, roleColumn } from '../column-guess';
import { formatCount } from '../../preview/number-format';
import type { BlockHooks } from '../form-types';

/** The observed rating column by name, and the rating scale from its values (0.5 to 5 by 0.5 on half stars). */
export const evaluateHooks: BlockHooks<'evaluate'> = {
  async suggest({ columns, profile }, params) {
    if (params.mode !== 'rating') return undefined;
    const incoming = (columns.in ?? []).filter((c) => c.name !== params.predictionColumn);
    const rating = params.ratingColumn || roleColumn(incoming, 'rating');
    if (rating === undefined) return undefined;
    const scale = ratingScale((await profile('in'))?.columns.find((c) => c.name === rating));
    return { ...(params.ratingColumn ? {} : { ratingColumn: rating }), ...(scale ?? {}) };
  },
  describe: (params) => (params.mode === 'rating' ? 'Evaluate ratings' : `Evaluate top ${params.k}`),
  // Its main table holds one row per (observed, predicted) pair, a count that means nothing on the card.
  cardCount: ({ report }) => {
    if (!report) return undefined;
    const unit = report.of === 'rows' ? (report.scored === 1 ? 'row' : 'rows') : report.scored === 1 ? 'user' : 'users';
    return `${formatCount(report.scored)} ${unit} scored`;
  },
};
