import type { CsvReadReport } from '../../../engine/blocks/import/csv-report';
import { studioActions, useStudio } from '../../state/studio-store';
import { clip } from '../../../engine/blocks/import/csv-report';

/**
 * What the user can do next about how a CSV file was read: the columns kept as text (with why, and a types block
 * to convert them), and the tables after the first (each offered as a second import of the same file).
 */
export function CsvReadFollowUps({ report, blockId }: { report: CsvReadReport; blockId: string }) {
  const block = useStudio((s) => s.doc.blocks.find((b) => b.id === blockId));
  const kept = report.textColumns.filter((t) => t.reason !== undefined);
  const more = report.moreTables ?? [];
  if (!block || (kept.length === 0 && more.length === 0)) return null;
  const params = block.params as { csv?: Record<string, unknown> };
  return (
    <>
      {kept.length > 0 && (
        <div className="csv-banner__kept">
          <p>Kept as text, as the file writes them:</p>
          <ul>
            {kept.map((t) => (
              <li key={t.column} title={t.detail}>
                <code>{t.column}</code>: {t.reason}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => studioActions.addBlock('types', undefined, undefined, blockId)}>
            Convert with a Types block
          </button>
        </div>
      )}
      {more.map((t) => (
        <div className="csv-banner__more-table" key={t.line}>
          <span>
            Another table starts at line {t.line} ({t.fields} field{t.fields === 1 ? '' : 's'}: <code>{clip(t.text, 40)}</code>).
          </span>
          <button type="button" onClick={() => studioActions.addBlock('import', undefined, { ...block.params, csv: { ...params.csv, skipRows: t.skipRows } })}>
            Import the table at line {t.line}
          </button>
        </div>
      ))}
    </>
  );
}
