import { MiniMap, useReactFlow, useViewport } from '@xyflow/react';
import type { JSX } from 'react';
import { studioActions } from '../state/studio-store';
import { PanelToggle } from '../shell/PanelToggles';
import { usePanelPrefs } from '../shell/use-panel-prefs';
import type { BlockFlowNode } from './flow-elements';

const MINIMAP_SIZE = { width: 150, height: 100 };

/**
 * The canvas's tools, in a rail beside the block area rather than over it, so that they never cover a block wherever
 * the flow is panned: zoom, fit, tidy up, and the overview map (which can be hidden to give the canvas its width).
 * The zoom buttons keep React Flow's names ("Zoom In", "Zoom Out", "Fit View").
 */
export function CanvasRail({ onFit }: { onFit(): void }): JSX.Element {
  const { zoomIn, zoomOut } = useReactFlow();
  const { zoom } = useViewport();
  const overview = usePanelPrefs().overview;
  return (
    <div className={`canvas-rail${overview ? ' canvas-rail--wide' : ''}`} data-testid="canvas-rail">
      <div className="canvas-rail__controls" role="toolbar" aria-label="Canvas view">
        <button type="button" aria-label="Zoom In" title="Zoom in" onClick={() => void zoomIn({ duration: 150 })}>
          +
        </button>
        <button type="button" aria-label="Zoom Out" title="Zoom out" onClick={() => void zoomOut({ duration: 150 })}>
          −
        </button>
        <button type="button" aria-label="Fit View" title="Fit the flow in view (titles stay readable: a flow too big shows its start and scrolls)" onClick={onFit}>
          ⤢
        </button>
        <button type="button" aria-label="Tidy up" title="Tidy up: lay the flow out in stages, inputs first (undoable)" onClick={() => studioActions.tidyUp()}>
          ⇶
        </button>
        <PanelToggle panel="overview" />
        <span className="canvas-rail__zoom" title="Zoom">
          {Math.round(zoom * 100)}%
        </span>
      </div>
      {overview && (
        <MiniMap<BlockFlowNode>
          className="canvas-rail__map"
          style={MINIMAP_SIZE}
          pannable
          zoomable
          bgColor="#ffffff"
          maskColor="rgb(240 242 245 / 70%)"
          nodeClassName={(node) => `minimap-node minimap-node--${node.data.state?.status ?? 'stale'}`}
          ariaLabel="Overview of the flow"
        />
      )}
    </div>
  );
}
