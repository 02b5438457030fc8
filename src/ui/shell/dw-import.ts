/**
 * "Import Data Wrangler flow…": converts a SageMaker Data Wrangler `.flow` in the page (the importer is plain
 * TypeScript), opens the result through the store's normal load (one undo step; the studio then asks for the input
 * files by name), and keeps the conversion report for the report panel.
 */
import { useSyncExternalStore } from 'react';
import { importDataWranglerFlow } from '../../importers/dw/import-flow';
import { parquetRowsReader } from '../../importers/dw/parquet-rows';
import type { ImportReport } from '../../importers/dw/report';
import { loadBrowserParquet } from '../../worker/parquet-browser';
import { getStudioState, studioActions } from '../state/studio-store';
import { readFileText } from './read-file-text';

export interface ShownReport {
  fileName: string;
  report: ImportReport;
}

let shown: ShownReport | undefined;
const listeners = new Set<() => void>();

function setShown(next: ShownReport | undefined): void {
  shown = next;
  listeners.forEach((l) => l());
}

/** The report of the last import, until it is dismissed. */
export function useDwImportReport(): ShownReport | undefined {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => shown,
  );
}

export function dismissDwImportReport(): void {
  setShown(undefined);
}

/** Fitted encoder labels are Parquet inside the file: parquet-wasm loads only when a flow has some. */
const readParquetRows = parquetRowsReader(async (bytes) => (await loadBrowserParquet()).toArrow(bytes));

/** Converts and opens a Data Wrangler flow file; a file that is not one leaves the document as it is and says why. */
export async function importDataWranglerFile(file: File): Promise<void> {
  const text = await readFileText(file);
  if (text === undefined) return;
  const { flow, report } = await importDataWranglerFlow(text, { readParquetRows, name: file.name.replace(/\.flow$/i, '') });
  if (!flow) {
    // The importer's own reasons may already start with the verdict; say it once.
    const why = report.problems.map((p) => p.replace(/^not a Data Wrangler flow:\s*/i, '')).join('; ');
    studioActions.notify('error', `${file.name} is not a Data Wrangler flow: ${why}`);
    return;
  }
  const before = getStudioState().doc;
  studioActions.load(flow);
  if (getStudioState().doc === before) return; // load refused it and said why
  setShown({ fileName: file.name, report });
}
