import { useEffect, useState, type JSX } from 'react';
import { studioActions } from '../state/studio-store';

/** The SELECT a block compiles to, read-only, with a button that copies it. */
export function CompiledSql({ sql }: { sql: string | undefined }): JSX.Element {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return undefined;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = (): void => {
    if (sql === undefined) return;
    navigator.clipboard.writeText(sql).then(
      () => setCopied(true),
      () => studioActions.notify('warning', 'The browser did not allow copying. Select the SQL and copy it by hand.'),
    );
  };
  return (
    <section className="inspector__section" aria-labelledby="inspector-sql-title">
      <div className="inspector__section-head">
        <h3 id="inspector-sql-title">SQL</h3>
        {sql !== undefined && (
          <button type="button" className="inspector__small-button" onClick={copy}>
            {copied ? 'Copied' : 'Copy'}
          </button>
        )}
      </div>
      {sql === undefined ? (
        <p className="inspector__muted">Compiled when the block runs.</p>
      ) : (
        <pre className="inspector__sql" data-testid="inspector-sql" tabIndex={0} aria-label="Compiled SQL">
          <code>{sql}</code>
        </pre>
      )}
    </section>
  );
}
