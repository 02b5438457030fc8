import { clip, repairHeadline, type CsvReadReport } from '../../../engine/blocks/import/csv-report';
import '../../styles/csv-read.css';
import { CsvReadFollowUps } from './CsvReadFollowUps';

/**
 * Above an import's preview: "N rows padded / M rows rejected" when the file needed repairs, what was corrected or
 * should be checked, and the rejected rows themselves with their line numbers. Nothing for a clean file.
 */
export function CsvReadBanner({ report, blockId }: { report: CsvReadReport; blockId: string }) {
  const headline = repairHeadline(report);
  if (!headline && report.notes.length === 0) return null;
  // A column kept as text is listed with its short reason below (the sentence is its tooltip), not again here.
  const listed = new Set(report.textColumns.filter((t) => t.reason !== undefined).map((t) => t.detail));
  const notes = report.notes.filter((n) => !listed.has(n));
  const { padded, rejected } = report;
  return (
    <section className={headline ? 'csv-banner csv-banner--repaired' : 'csv-banner'} role="status" aria-label="CSV read report">
      {headline && <strong className="csv-banner__headline">{headline}</strong>}
      {notes.length > 0 && (
        <ul className="csv-banner__notes">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <CsvReadFollowUps report={report} blockId={blockId} />
      {padded.count > 0 && (
        <p className="csv-banner__padded">
          Padded with NULLs (too few fields): line {padded.lines.join(', ')}
          {padded.count > padded.lines.length ? `, … (${padded.count.toLocaleString('en-US')} in all)` : ''}
        </p>
      )}
      {rejected.count > 0 && (
        <details className="csv-banner__rejected">
          <summary>Rejected rows ({rejected.count.toLocaleString('en-US')})</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Why</th>
                <th scope="col">Text</th>
              </tr>
            </thead>
            <tbody>
              {rejected.rows.map((row) => (
                <tr key={row.line}>
                  <td>{row.line}</td>
                  <td>{row.reason}</td>
                  <td>
                    <code>{clip(row.text, 200)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rejected.count > rejected.rows.length && (
            <p className="csv-banner__more">
              The first {rejected.rows.length} of {rejected.count.toLocaleString('en-US')} are listed.
            </p>
          )}
        </details>
      )}
    </section>
  );
}
