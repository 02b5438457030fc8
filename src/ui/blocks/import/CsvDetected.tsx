import { dialectLine, repairHeadline, type CsvReadReport } from '../../../engine/blocks/import/csv-report';
import '../../styles/csv-read.css';

/** What the engine settled on when it last read the file: the whole dialect, and any rows it padded or rejected. */
export function CsvDetected({ report }: { report: CsvReadReport }) {
  const headline = repairHeadline(report);
  const setByUser = report.setByUser.length > 0 ? ` Set on this block: ${report.setByUser.join(', ')}; the rest detected.` : ' All detected.';
  return (
    <div className="csv-detected" role="status" aria-label="Detected CSV dialect">
      <p className="form-hint">
        <strong>Read as:</strong> {dialectLine(report.dialect)}.{setByUser}
      </p>
      {headline && <p className="form-hint form-warning">{headline}: see the preview for the lines.</p>}
    </div>
  );
}
