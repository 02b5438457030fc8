import { useEffect, useRef, type JSX } from 'react';
import { statusCounts, type NodeStatus } from '../../importers/dw/report';
import { studioActions } from '../state/studio-store';
import { dismissDwImportReport, useDwImportReport } from './dw-import';
import '../styles/dw-import.css';

const STATUS_TEXT: Record<NodeStatus, string> = {
  translated: 'Translated',
  refitted: 'Refitted',
  approximated: 'Approximated',
  unsupported: 'Unsupported',
};

/**
 * What each node of an imported Data Wrangler flow became, as a dismissible panel: its status, what it became and
 * why, and a button that selects its blocks on the canvas. Escape or Close dismisses it.
 */
export function DwImportReport(): JSX.Element | null {
  const shown = useDwImportReport();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (shown) close.current?.focus();
  }, [shown]);
  if (!shown) return null;
  const { report, fileName } = shown;
  const counts = statusCounts(report);
  return (
    <section
      className="dw-report"
      role="dialog"
      aria-labelledby="dw-report-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') dismissDwImportReport();
      }}
    >
      <header className="dw-report__header">
        <h2 id="dw-report-title">Imported {fileName}</h2>
        <p>
          {report.nodes.length} steps: {counts.translated} translated, {counts.refitted} refitted, {counts.approximated} approximated,{' '}
          {counts.unsupported} unsupported.
        </p>
        <button ref={close} type="button" onClick={dismissDwImportReport}>
          Close
        </button>
      </header>
      {report.problems.length > 0 && (
        <ul className="dw-report__problems" role="alert">
          {report.problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
      <table className="dw-report__table">
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Status</th>
            <th scope="col">What it became</th>
          </tr>
        </thead>
        <tbody>
          {report.nodes.map((n) => (
            <tr key={n.nodeId} className={`dw-report__row dw-report__row--${n.status}`}>
              <td>
                <code>{n.operator.replace(/^sagemaker\.(spark\.)?/, '')}</code>
                {n.blocks.length > 0 && (
                  <button type="button" className="dw-report__show" onClick={() => studioActions.select(n.blocks)} aria-label={`Select the blocks of step ${n.nodeId}`}>
                    Show
                  </button>
                )}
              </td>
              <td>{STATUS_TEXT[n.status]}</td>
              <td>
                {n.detail}
                {n.nondeterministic && n.nondeterministic.length > 0 && (
                  <strong className="dw-report__flag"> Not reproducible: {n.nondeterministic.join(', ')} changes on every run.</strong>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
