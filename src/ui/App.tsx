import { useEffect, useState, type JSX } from 'react';
import type { EngineClient } from '../worker/engine-api';
import { FlowCanvas } from './canvas/FlowCanvas';
import { Palette } from './canvas/Palette';
import { Inspector } from './inspector/Inspector';
import { FileDrop } from './shell/FileDrop';
import { MissingInputs } from './shell/MissingInputs';
import { Notices } from './shell/Notices';
import { PreviewArea } from './shell/PreviewArea';
import { PreviewSplitter } from './shell/PreviewSplitter';
import { appGridTracks } from './shell/panel-prefs';
import { TopBar } from './shell/TopBar';
import { usePanelKeys, usePanelPrefs } from './shell/use-panel-prefs';
import { useStudioKeys } from './shell/use-studio-keys';
import './styles/app.css';
import './styles/notices.css';

/** The preview panel's share of the window height at start. */
const PREVIEW_SHARE = 0.4;

/**
 * The studio: top bar, palette, canvas, inspector and the preview of the selected block, with notices on top.
 * `starting` settles once the flow is loaded and its files are registered.
 */
export function App({ engine, starting }: { engine: EngineClient; starting: Promise<unknown> }): JSX.Element {
  useStudioKeys();
  usePanelKeys();
  const panels = usePanelPrefs();
  const [isStarting, setStarting] = useState(true);
  useEffect(() => {
    let live = true;
    void starting.finally(() => {
      if (live) setStarting(false);
    });
    return () => {
      live = false;
    };
  }, [starting]);
  const [previewShare, setPreviewShare] = useState(PREVIEW_SHARE);
  const tracks = appGridTracks(panels, previewShare);

  // A hidden panel stays mounted (its search, tab and chart picks survive) and takes no room; the canvas's own
  // resize observer re-measures it.
  return (
    <div className="app" style={{ gridTemplateColumns: tracks.columns, gridTemplateRows: tracks.rows }}>
      <TopBar engine={engine} />
      <MissingInputs starting={isStarting} />
      <aside className="app__palette" aria-label="Blocks" hidden={!panels.palette}>
        <Palette />
      </aside>
      <main className="app__canvas" aria-label="Flow canvas">
        <FlowCanvas />
      </main>
      <aside className="app__inspector" aria-label="Inspector" hidden={!panels.inspector}>
        <Inspector />
      </aside>
      {panels.preview && <PreviewSplitter share={previewShare} onChange={setPreviewShare} />}
      <PreviewArea engine={engine} hidden={!panels.preview} />
      <Notices />
      <FileDrop />
    </div>
  );
}
