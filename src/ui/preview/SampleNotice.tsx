import { useState, type JSX } from 'react';
import { declaredInputOf } from '../../engine/inputs/declared-inputs';
import type { SampleInfo } from '../../worker/engine-api';
import { useStudio } from '../state/studio-store';
import type { ExportTarget } from './downloads/DownloadBar';
import { sampleNotice, wrangleRunCommand } from './sample-notice';

export interface SampleNoticeProps {
  blockId: string;
  sample: SampleInfo;
  /** The export block behind the preview, when it is one: its file needs every row, so the CLI writes it. */
  exportTarget: ExportTarget | undefined;
}

/**
 * Above a preview computed on a sample: which sample, and for an export, that its file needs every row (too many for
 * this tab) with the `wrangle run` command that writes it.
 */
export function SampleNotice({ blockId, sample, exportTarget }: SampleNoticeProps): JSX.Element {
  const block = useStudio((s) => s.doc.blocks.find((b) => b.id === blockId));
  const doc = useStudio((s) => s.doc);
  const sources = useStudio((s) => s.inputSources);
  const [copied, setCopied] = useState(false);
  const readsFile = block !== undefined && sample.inputs.includes(declaredInputOf(block)?.name ?? '');
  const command = exportTarget ? wrangleRunCommand(doc, sources) : undefined;
  return (
    <div className="sample-notice" role="note" data-testid="sample-notice">
      <span className="sample-notice__text">{sampleNotice(sample, readsFile)}.</span>
      {exportTarget && command !== undefined && (
        <div className="sample-notice__export" data-testid="export-cli">
          <span>
            {exportTarget.file} needs every row, too many for this tab. Save the flow, then write it with the CLI:
          </span>
          <code className="sample-notice__command">{command}</code>
          <button
            type="button"
            onClick={() => {
              void navigator.clipboard?.writeText(command).then(() => setCopied(true), () => undefined);
            }}
          >
            {copied ? 'Copied' : 'Copy command'}
          </button>
        </div>
      )}
    </div>
  );
}
