import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { FlowDocument } from '../engine/flow/schema';
import type { BlockState } from '../worker/engine-api';
import { App } from './App';
import { revealBlocks } from './canvas/canvas-bridge';
import { createEngineClient } from './engine/engine-client';
import { startStudio } from './shell/first-launch';
import type { StudioActions } from './state/store-types';
import { getStudioState, studioActions } from './state/studio-store';

/**
 * Hooks for the Playwright end-to-end tests (e2e/helpers.ts), and only these: read the document and the runtime
 * state, restart the engine as a crash would (while a query may be running), and drive the same actions the UI uses.
 */
export interface StudioTestHooks {
  getDoc(): FlowDocument;
  getRuntime(): Record<string, BlockState>;
  killEngine(): Promise<void>;
  actions: StudioActions;
  /** Centres blocks in the canvas, for specs that click or wire blocks of a flow bigger than the view. */
  revealBlocks(blockIds: readonly string[]): void;
}

const engine = createEngineClient();
const starting = startStudio(engine).catch((e: unknown) => {
  studioActions.notify('error', `The studio did not start properly: ${e instanceof Error ? e.message : String(e)}`);
});

const hooks: StudioTestHooks = {
  getDoc: () => getStudioState().doc,
  getRuntime: () => getStudioState().runtime,
  killEngine: () => engine.restart('test-hook'),
  actions: studioActions,
  revealBlocks,
};
// Assigned rather than declared on Window: the e2e specs declare their own view of it for page.evaluate.
Object.assign(window, { __wrangle: hooks });

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App engine={engine} starting={starting} />
  </StrictMode>,
);
