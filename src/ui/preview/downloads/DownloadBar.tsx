import { useState, type JSX } from 'react';
import type { EngineClient, EngineErrorInfo } from '../../../worker/engine-api';
import { downloadFile } from '../../shell/download';
import { describeFailure } from '../preview-status';

/** The export block behind the preview, when the selection is one: its file is offered byte for byte as the CLI writes it. */
export interface ExportTarget {
  blockId: string;
  file: string;
  ready: boolean;
  /** The export reads a sample of a big input: the tab does not write it (the preview offers the CLI command). */
  sampled: boolean;
}

export interface DownloadBarProps {
  engine: EngineClient;
  blockId: string | undefined;
  port: string | undefined;
  /** The output has a fresh result to download. */
  ready: boolean;
  exportTarget: ExportTarget | undefined;
  /** The output was computed on a sample of a big input: its download is that sample, and is named so. */
  sampled?: boolean;
}

type Job = 'csv' | 'parquet' | 'export';

const MIME: Record<Job, string> = { csv: 'text/csv', parquet: 'application/vnd.apache.parquet', export: 'application/octet-stream' };

/** Download buttons for the output on screen (CSV, Parquet) and, for an export block, the file it writes. */
export function DownloadBar({ engine, blockId, port, ready, exportTarget, sampled = false }: DownloadBarProps): JSX.Element | null {
  const [busy, setBusy] = useState<Job>();
  const [failure, setFailure] = useState<EngineErrorInfo>();

  async function run(job: Job, make: () => Promise<{ fileName: string; bytes: Uint8Array }>): Promise<void> {
    setBusy(job);
    setFailure(undefined);
    try {
      const { fileName, bytes } = await make();
      // The engine's bytes arrive transferred in a plain ArrayBuffer, which Blob accepts as is.
      downloadFile(fileName, bytes as Uint8Array<ArrayBuffer>, MIME[job]);
    } catch (err) {
      setFailure(describeFailure(err));
    } finally {
      setBusy(undefined);
    }
  }

  const output = blockId !== undefined && port !== undefined ? { blockId, port } : undefined;
  if (!output && !exportTarget) return null;
  const download = (format: 'csv' | 'parquet') => {
    if (!output) return;
    void run(format, async () => ({
      fileName: `${output.blockId}-${output.port}${sampled ? '-sample' : ''}.${format}`,
      bytes: await engine.download(output.blockId, output.port, format),
    }));
  };

  return (
    <div className="preview-downloads" role="group" aria-label="Downloads">
      {output && (
        <>
          <button type="button" data-testid="download-csv" disabled={!ready || busy !== undefined} onClick={() => download('csv')}>
            {busy === 'csv' ? 'Preparing CSV…' : 'Download CSV'}
          </button>
          <button type="button" data-testid="download-parquet" disabled={!ready || busy !== undefined} onClick={() => download('parquet')}>
            {busy === 'parquet' ? 'Preparing Parquet…' : 'Download Parquet'}
          </button>
        </>
      )}
      {exportTarget && !exportTarget.sampled && (
        <button
          type="button"
          data-testid="download-export"
          disabled={!exportTarget.ready || busy !== undefined}
          onClick={() => void run('export', () => engine.exportFile(exportTarget.blockId))}
        >
          {busy === 'export' ? `Preparing ${exportTarget.file}…` : `Download ${exportTarget.file}`}
        </button>
      )}
      {failure && (
        <span className="preview-error-inline" role="alert">
          {failure.code}: {failure.message}
        </span>
      )}
    </div>
  );
}
