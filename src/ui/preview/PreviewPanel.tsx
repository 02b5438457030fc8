import { useId, useState, type JSX } from 'react';
import type { BlockState, EngineClient } from '../../worker/engine-api';
import { useStudio } from '../state/studio-store';
import { blockTitle } from '../blocks/hook-registry';
import { resultViewsOf } from '../blocks/registry';
import type { ChartPick } from './chart/chart-spec';
import { ChartView } from './chart/ChartView';
import { DataTable } from './table/DataTable';
import { DownloadBar } from './downloads/DownloadBar';
import { PortSwitcher } from './PortSwitcher';
import { choosePort, outputPorts, panelView, type PanelView } from './preview-status';
import { PreviewTabs, panelId, tabId, type PreviewTab } from './PreviewTabs';
import { ProfileView } from './profile/ProfileView';
import { RecomputingStatus } from './RecomputingStatus';
import { SampleNotice } from './SampleNotice';
import { SetupNotice } from './SetupNotice';
import { hasStartingParams } from '../state/default-params';
import { CancelledNotice } from './training/CancelledNotice';
import { CrosstabView } from './training/CrosstabView';
import { activeTab, modelTabOf, type TabChoice } from './training/model-tab';
import { TrainingTab } from './training/TrainingTab';
import { useEngineAnswer } from './use-engine-answer';
import { useExportTarget } from './downloads/use-export-target';
import { useFreshResult, type FreshResult } from './use-fresh-result';
import '../styles/preview-panel.css';

export interface PreviewPanelProps {
  engine: EngineClient;
  blockId: string | undefined;
  /** The output port the shell chose; undefined lets the panel offer its own switcher for several outputs. */
  port: string | undefined;
  state: BlockState | undefined;
}

/**
 * The bottom panel: the selected block's output as rows, a data-quality profile and a chart, with downloads; for
 * model blocks also a Training (or Evaluation) tab.
 */
export function PreviewPanel({ engine, blockId, port: shellPort, state }: PreviewPanelProps): JSX.Element {
  const idBase = useId();
  const [tabChoice, setTabChoice] = useState<TabChoice>({ tab: 'data' });
  const block = useStudio((s) => (blockId === undefined ? undefined : s.doc.blocks.find((b) => b.id === blockId)));
  const modelTab = modelTabOf(block);
  const Banner = block ? resultViewsOf(block.kind).Banner : undefined;
  const tab = activeTab(tabChoice, blockId, modelTab);
  const setTab = (picked: PreviewTab) => setTabChoice({ tab: picked, ...(blockId !== undefined ? { blockId } : {}) });
  const [ownPick, setOwnPick] = useState<{ blockId: string; port: string }>();
  // Chart settings per block output, so that coming back to a block shows the chart as the user left it.
  const [chartPicks, setChartPicks] = useState<Readonly<Record<string, ChartPick>>>({});

  const ports = outputPorts(state);
  const pickedHere = ownPick !== undefined && ownPick.blockId === blockId ? ownPick.port : undefined;
  const port = shellPort ?? choosePort(ports, pickedHere, undefined);
  const view = panelView(blockId, state, block !== undefined && hasStartingParams(block.kind, block.params));
  // The first rows of a big file are on screen, not dimmed, while the engine reads the rest; they get no profile.
  const partial = state?.status === 'running' && state.partial === true;
  const fresh = useFreshResult(blockId, port, state);
  const exportTarget = useExportTarget(blockId);
  const scope = `${blockId ?? ''}\u0000${port ?? ''}`;
  // The engine runs one query at a time: on the Data tab, the profile (header histograms) waits for the first rows.
  const [rowsShownFor, setRowsShownFor] = useState<string>();
  const profileKey = fresh !== undefined && !partial && ((tab !== 'data' && tab !== 'model') || rowsShownFor === fresh.key) ? fresh.key : undefined;
  const profile = useEngineAnswer(blockId !== undefined && port !== undefined ? profileKey : undefined, scope, () =>
    engine.profile(blockId ?? '', port ?? ''),
  );
  const busy = view.kind === 'result' && view.recomputing;
  const recomputing = busy && !partial;

  return (
    <div className="preview-panel">
      <div className="preview-header">
        <PreviewTabs idBase={idBase} active={tab} onChange={setTab} modelLabel={modelTab?.label} />
        {blockId !== undefined && (
          <span className="preview-title" title={port ? `${blockId} · ${port}` : blockId}>
            {block ? blockTitle(block) : blockId}
            {port && ports.length > 1 ? ` · ${port}` : ''}
          </span>
        )}
        {shellPort === undefined && blockId !== undefined && port !== undefined && (
          <PortSwitcher ports={ports} port={port} onPick={(p) => setOwnPick({ blockId, port: p })} />
        )}
        {busy && <RecomputingStatus key={blockId} canStop={!(tab === 'model' && modelTab?.kind === 'training')} />}
        <DownloadBar engine={engine} blockId={blockId} port={port} ready={state?.status === 'fresh'} exportTarget={exportTarget} sampled={state?.sample !== undefined} />
      </div>
      {blockId !== undefined && state?.sample && <SampleNotice blockId={blockId} sample={state.sample} exportTarget={exportTarget?.sampled ? exportTarget : undefined} />}
      {Banner && blockId !== undefined && state?.report !== undefined && <Banner report={state.report} blockId={blockId} />}
      <div className="preview-body" role="tabpanel" id={panelId(idBase, tab)} aria-labelledby={tabId(idBase, tab)}>
        {/* A training's progress shows while the block has no result yet, so it is not drawn from a fresh result. */}
        {tab === 'model' && modelTab?.kind === 'training' && blockId !== undefined && (
          <TrainingTab engine={engine} blockId={blockId} state={state} setup={view.kind === 'setup' ? view : undefined} />
        )}
        <div className="preview-tab-body" hidden={tab === 'model' && modelTab?.kind === 'training'}>
          <PreviewBody
            view={view}
            fresh={fresh}
            render={(result, blockIdHere, portHere) => (
              <>
                {/* The table stays mounted behind the other tabs, keeping its pages and scroll position. */}
                <div className="preview-tab-body" hidden={tab !== 'data'}>
                  <DataTable
                    key={`${blockIdHere}\u0000${portHere}`}
                    engine={engine}
                    blockId={blockIdHere}
                    port={portHere}
                    resultKey={result.key}
                    columns={result.columns}
                    profileColumns={profile.value?.columns}
                    recomputing={recomputing}
                    partial={partial}
                    onRowsShown={setRowsShownFor}
                  />
                </div>
                {tab === 'profile' && <ProfileView profile={profile.value} error={profile.error} loading={profile.loading} />}
                {tab === 'chart' && (
                  <ChartView
                    engine={engine}
                    blockId={blockIdHere}
                    port={portHere}
                    resultKey={result.key}
                    columns={result.columns}
                    pick={chartPicks[`${blockIdHere}\u0000${portHere}`]}
                    onPick={(pick) => setChartPicks((picks) => ({ ...picks, [`${blockIdHere}\u0000${portHere}`]: pick }))}
                  />
                )}
                {tab === 'model' && modelTab?.kind === 'evaluation' && modelTab.distances && state && (
                  <CrosstabView engine={engine} blockId={blockIdHere} state={state} distances={modelTab.distances} />
                )}
              </>
            )}
            blockId={blockId}
            port={port}
          />
        </div>
      </div>
    </div>
  );
}

interface PreviewBodyProps {
  view: PanelView;
  fresh: FreshResult | undefined;
  blockId: string | undefined;
  port: string | undefined;
  render(result: FreshResult, blockId: string, port: string): JSX.Element;
}

/** The panel's states before there are rows to show: nothing selected, not run, failed, blocked or computing. */
function PreviewBody({ view, fresh, blockId, port, render }: PreviewBodyProps): JSX.Element {
  switch (view.kind) {
    case 'nothing-selected':
      return <p className="preview-hint">Select a block on the canvas to preview its output.</p>;
    case 'not-run':
      return <p className="preview-hint">This block has not run yet. Connect its inputs to compute it.</p>;
    case 'blocked':
      return <p className="preview-hint">Blocked: waiting for an upstream block to run without errors.</p>;
    case 'cancelled':
      return <CancelledNotice blockId={view.blockId} />;
    case 'setup':
      return <SetupNotice connect={view.connect} error={view.error} />;
    case 'error':
      return (
        <div className="preview-error" role="alert">
          <code className="preview-error__code">{view.error.code}</code>
          <p className="preview-error__message">{view.error.message}</p>
        </div>
      );
    case 'result':
      if (blockId === undefined || port === undefined) return <p className="preview-hint">This block has no output to preview.</p>;
      if (!fresh) return <p className="preview-hint preview-recomputing-text">recomputing…</p>;
      return render(fresh, blockId, port);
  }
}
