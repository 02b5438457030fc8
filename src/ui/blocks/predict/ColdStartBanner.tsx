import { coldStartSentence, type PredictReport } from '../../../engine/blocks/predict/definition';
import '../../styles/csv-read.css';

/**
 * Above a predict block's preview: how many rows had a user or item the model never saw, and whether they were
 * dropped or kept with NaN, so that fewer rows out than in is never a silent surprise. Quiet when there were none.
 */
export function ColdStartBanner({ report }: { report: PredictReport }) {
  return (
    <section className="csv-banner" role="status" aria-label="Cold-start rows" data-testid="cold-start-note">
      {coldStartSentence(report)}
    </section>
  );
}
