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
import { TopBar } from './shell/TopBar';
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

  return (
    <div className="app" style={{ gridTemplateRows: `auto auto minmax(0, 1fr) 6px ${Math.round(previewShare * 100)}vh` }}>
      <TopBar engine={engine} />
      <MissingInputs starting={isStarting} />
      <aside className="app__palette" aria-label="Blocks">
        <Palette />
      </aside>
      <main className="app__canvas" aria-label="Flow canvas">
        <FlowCanvas />
      </main>
      <aside className="app__inspector" aria-label="Inspector">
        <Inspector />
      </aside>
      <PreviewSplitter share={previewShare} onChange={setPreviewShare} />
      <PreviewArea engine={engine} />
      <Notices />
      <FileDrop />
    </div>
  );
}
