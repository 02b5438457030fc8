import '../styles/topbar.css';
import { useRef, type ChangeEvent, type JSX } from 'react';
import { getStudioState, studioActions, useStudio } from '../state/studio-store';
import type { SaveStatus } from '../state/store-types';
import { importDataFiles, openFlowFile } from './data-in';
import { downloadFlow } from './download';
import { importDataWranglerFile } from './dw-import';
import { DwImportReport } from './DwImportReport';
import { FlowNameField } from './FlowNameField';
import { PanelToggles } from './PanelToggles';
import { askToSaveFlow, SaveFlowDialog } from './SaveFlowDialog';
import { PreviewSampleField } from './PreviewSampleField';
import { exportPySparkJob } from './pyspark-export';
import { fileReaderBlock } from '../blocks/registry';
import type { EngineClient } from '../../worker/engine-api';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

function SaveState({ status }: { status: SaveStatus }): JSX.Element {
  if (status === 'failed') {
    return (
      <button type="button" className="topbar__save topbar__save--failed" onClick={() => downloadFlow(getStudioState().doc)}>
        Not saved — Download
      </button>
    );
  }
  const text = status === 'saved' ? 'Saved' : 'Saving…';
  return <span className={`topbar__save topbar__save--${status}`}>{text}</span>;
}

/** Files chosen in a picker; the input is reset so that choosing the same file again still counts. */
function takeFiles(e: ChangeEvent<HTMLInputElement>): File[] {
  const files = [...(e.target.files ?? [])];
  e.target.value = '';
  return files;
}

/** The bar across the top: the flow's name, file commands, undo and redo, and whether the flow is saved. */
export function TopBar({ engine }: { engine: EngineClient }): JSX.Element {
  const canUndo = useStudio((s) => s.canUndo);
  const canRedo = useStudio((s) => s.canRedo);
  const saveStatus = useStudio((s) => s.saveStatus);
  const running = useStudio((s) => Object.values(s.runtime).some((b) => b.status === 'running'));
  const openInput = useRef<HTMLInputElement>(null);
  const dataInput = useRef<HTMLInputElement>(null);
  const dwInput = useRef<HTMLInputElement>(null);

  return (
    <header className="topbar">
      <span className="topbar__brand" aria-hidden="true">
        Wrangle
      </span>
      <FlowNameField />
      <nav className="topbar__group" aria-label="Flow file">
        <button type="button" onClick={() => studioActions.newFlow()} title="Start an empty flow (undo brings the old one back)">
          New
        </button>
        <button type="button" onClick={() => openInput.current?.click()} title="Open a .flow.json file">
          Open…
        </button>
        <button type="button" onClick={() => dwInput.current?.click()} aria-label="Import Data Wrangler flow…" title="Import Data Wrangler flow…: convert a SageMaker Data Wrangler .flow file into a flow">
          Data Wrangler flow…
        </button>
        <button type="button" onClick={askToSaveFlow} title={`Save the flow as a .flow.json file: asks for its name (${mod}S)`}>
          Save…
        </button>
        <button type="button" onClick={() => dataInput.current?.click()} title="Add CSV, TSV, Parquet, JSON or JSONL files">
          Import data…
        </button>
      </nav>
      <nav className="topbar__group" aria-label="Export">
        <button type="button" onClick={() => void exportPySparkJob(engine)} aria-label="Export PySpark job…" title="Export → PySpark job: the flow as a script for spark-submit, as wrangle pyspark writes it">
          PySpark job…
        </button>
      </nav>
      <nav className="topbar__group" aria-label="History">
        <button type="button" onClick={() => studioActions.undo()} disabled={!canUndo} title={`Undo (${mod}Z)`}>
          Undo
        </button>
        <button type="button" onClick={() => studioActions.redo()} disabled={!canRedo} title={`Redo (${isMac ? '⇧⌘Z' : 'Ctrl+Y'})`}>
          Redo
        </button>
      </nav>
      <PreviewSampleField />
      <PanelToggles />
      <div className="topbar__status" role="status" aria-live="polite">
        {running && (
          <span className="topbar__running" title="Computing previews">
            Computing…
          </span>
        )}
        <SaveState status={saveStatus} />
      </div>
      <input
        ref={openInput}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label="Open a flow file"
        onChange={(e) => {
          const file = takeFiles(e)[0];
          if (file) void openFlowFile(file);
        }}
      />
      <input
        ref={dwInput}
        type="file"
        accept=".flow,application/json"
        hidden
        aria-label="Import a Data Wrangler flow file"
        onChange={(e) => {
          const file = takeFiles(e)[0];
          if (file) void importDataWranglerFile(file);
        }}
      />
      <input
        ref={dataInput}
        type="file"
        accept={fileReaderBlock.accept}
        multiple
        hidden
        aria-label="Import data files"
        onChange={(e) => void importDataFiles(takeFiles(e))}
      />
      <DwImportReport />
      <SaveFlowDialog />
    </header>
  );
}
