import type { ModelReport } from '../../worker/engine-api';
import { formatCount } from '../preview/number-format';

/** A trained model's card: the users and items it has factors for (its main table's rows are only the users). */
export function modelCardCount({ report }: { report: ModelReport | undefined }): string | undefined {
  return report ? `${formatCount(report.users)} users · ${formatCount(report.items)} items` : undefined;
}
