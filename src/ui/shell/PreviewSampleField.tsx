import { useEffect, useState, type JSX, type KeyboardEvent } from 'react';
import { parseSampleRows, MIN_SAMPLE_ROWS } from '../state/preview-sample-setting';
import { studioActions, useStudio } from '../state/studio-store';

const rowsText = (n: number): string => n.toLocaleString('en-US');

/**
 * The preview sample size, in the top bar: inputs with more rows preview on a seeded sample of this many. Taken when
 * the field is left or Enter pressed; a value that is not a whole number of at least MIN_SAMPLE_ROWS is put back.
 */
export function PreviewSampleField(): JSX.Element {
  const rows = useStudio((s) => s.previewSampleRows);
  const [draft, setDraft] = useState(rowsText(rows));
  useEffect(() => setDraft(rowsText(rows)), [rows]);

  const commit = (): void => {
    const parsed = parseSampleRows(draft);
    if (parsed === undefined) setDraft(rowsText(rows));
    else studioActions.setPreviewSampleRows(parsed);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'Enter') e.currentTarget.blur();
  };
  return (
    <label
      className="topbar__sample"
      title={`Preview sample: inputs with more rows than this preview on a seeded sample of this many rows (at least ${rowsText(MIN_SAMPLE_ROWS)}). Kept in this browser; the CLI runs every row.`}
    >
      Sample
      <input aria-label="Preview sample size (rows)" inputMode="numeric" value={draft} onChange={(e) => setDraft(e.target.value)} onBlur={commit} onKeyDown={onKeyDown} size={10} />
      rows
    </label>
  );
}
