import '@xyflow/react/dist/style.css';
import '../styles/canvas.css';
import {
  Background,
  BackgroundVariant,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Connection,
  type Edge,
  type FinalConnectionState,
  type NodeChange,
  type NodeTypes,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type JSX } from 'react';
import { isBlockKind } from '../../engine/blocks/registry';
import { getStudioState, studioActions, useStudio } from '../state/studio-store';
import type { Position } from '../state/store-types';
import { placeBlocks, unstoredPositions } from './auto-layout';
import { BlockNode } from './BlockNode';
import { BLOCK_KIND_MIME, provideBlockReveal, provideViewportCentre } from './canvas-bridge';
import { CanvasRail } from './CanvasRail';
import { ConnectHint } from './ConnectHint';
import { connectionProblem } from './connection-rules';
import { edgeBetween, edgeFromConnection } from './edge-ids';
import { blockNodes, flowEdges, keepUnchanged, sameEdge, sameNode, type BlockFlowNode, type Size } from './flow-elements';
import { useCanvasShortcuts } from './use-canvas-shortcuts';
import { useFitOnNewFlow, useReadableFit } from './use-readable-fit';
import { useSelectionSync } from './use-selection-sync';

const nodeTypes: NodeTypes = { block: BlockNode };
/** Where a dropped block's top-left corner goes relative to the pointer: the pointer lands on its title. */
const DROP_OFFSET = { x: 100, y: 20 };

/** The flow canvas: the document's blocks and connections, editable by mouse and keyboard. */
export function FlowCanvas(): JSX.Element {
  return (
    <ReactFlowProvider>
      <CanvasView />
    </ReactFlowProvider>
  );
}

function without<T>(record: Record<string, T>, keys: string[]): Record<string, T> {
  const next = { ...record };
  for (const key of keys) delete next[key];
  return next;
}

function CanvasView(): JSX.Element {
  const doc = useStudio((s) => s.doc);
  const selection = useStudio((s) => s.selection);
  const runtime = useStudio((s) => s.runtime);
  const flow = useReactFlow<BlockFlowNode>();
  const container = useRef<HTMLDivElement>(null);
  const [measured, setMeasured] = useState<Record<string, Size>>({});
  // Positions of blocks being dragged, shown until the drop records them in the document.
  const [dragged, setDragged] = useState<Record<string, Position>>({});
  const { selectedEdges, onSelectChanges, onEdgesChange } = useSelectionSync();

  const positions = useMemo(() => placeBlocks(doc), [doc]);
  const baseNodes = useStableElements(
    useMemo(() => blockNodes(doc, positions, runtime, selection, measured), [doc, positions, runtime, selection, measured]),
    sameNode,
  );
  // Only the dragged nodes change while dragging, so the others are not re-rendered on every pointer move.
  const nodes = useMemo(
    () => baseNodes.map((node) => (dragged[node.id] ? { ...node, position: dragged[node.id]!, dragging: true } : node)),
    [baseNodes, dragged],
  );
  const edges = useStableElements(
    useMemo(() => flowEdges(doc, runtime, selectedEdges), [doc, runtime, selectedEdges]),
    sameEdge,
  );

  useCanvasShortcuts(container, selectedEdges);

  const onNodesChange = useCallback(
    (changes: NodeChange<BlockFlowNode>[]) => {
      const sizes: Record<string, Size> = {};
      const moving: Record<string, Position> = {};
      const moved: Record<string, Position> = {};
      for (const change of changes) {
        if (change.type === 'dimensions' && change.dimensions) sizes[change.id] = change.dimensions;
        else if (change.type === 'position' && change.position) {
          if (change.dragging) moving[change.id] = change.position;
          // Whole units keep saved flow files tidy; nobody places a block to a fraction of a pixel.
          else moved[change.id] = { x: Math.round(change.position.x), y: Math.round(change.position.y) };
        }
      }
      onSelectChanges(changes);
      if (Object.keys(sizes).length > 0) setMeasured((m) => ({ ...m, ...sizes }));
      if (Object.keys(moving).length > 0) setDragged((d) => ({ ...d, ...moving }));
      // A drop or an arrow-key move ends with `dragging: false`: one undo step. Blocks still placed automatically are
      // recorded too, so that later edits do not shuffle them around.
      if (Object.keys(moved).length > 0) {
        const current = getStudioState().doc;
        studioActions.moveBlocks({ ...unstoredPositions(current, placeBlocks(current)), ...moved });
        setDragged((d) => without(d, Object.keys(moved)));
      }
    },
    [onSelectChanges],
  );

  const onConnect = useCallback((connection: Connection) => {
    const edge = edgeFromConnection(connection);
    if (!edge) return;
    // A drop on a taken input replaces its connection; the store says which in a note, and undo puts it back.
    const result = studioActions.connect(edge.from, edge.to, { replace: true });
    if (!result.ok) studioActions.notify('warning', result.reason);
  }, []);

  const isValidConnection = useCallback((connection: Connection | Edge) => {
    const edge = edgeFromConnection(connection);
    return edge !== undefined && connectionProblem(getStudioState().doc, edge) === undefined;
  }, []);

  // A line dropped on a port that was refused while dragging: say why once more, as a notice that stays a moment.
  const onConnectEnd = useCallback((_event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
    if (state.isValid !== false || !state.fromHandle || !state.toHandle) return;
    const edge = edgeBetween(state.fromHandle, state.toHandle);
    const problem = edge && connectionProblem(getStudioState().doc, edge);
    if (problem) studioActions.notify('warning', problem);
  }, []);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(BLOCK_KIND_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(BLOCK_KIND_MIME);
      if (!isBlockKind(kind)) return;
      event.preventDefault();
      const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      studioActions.addBlock(kind, { x: Math.round(at.x - DROP_OFFSET.x), y: Math.round(at.y - DROP_OFFSET.y) });
    },
    [flow],
  );

  useEffect(
    () =>
      provideBlockReveal((ids) => {
        const boxes = ids.flatMap((id) => {
          // The canvas's own node: a flow opened without saved positions is laid out here, not in the document.
          const node = flow.getNode(id);
          const at = node?.position ?? getStudioState().doc.view?.positions?.[id];
          return at ? [{ ...at, width: node?.measured?.width ?? BLOCK_SIZE.width, height: node?.measured?.height ?? BLOCK_SIZE.height }] : [];
        });
        if (boxes.length === 0) return;
        const left = Math.min(...boxes.map((b) => b.x));
        const top = Math.min(...boxes.map((b) => b.y));
        const right = Math.max(...boxes.map((b) => b.x + b.width));
        const bottom = Math.max(...boxes.map((b) => b.y + b.height));
        void flow.setCenter((left + right) / 2, (top + bottom) / 2, { zoom: flow.getZoom() });
      }),
    [flow],
  );

  useEffect(
    () =>
      provideViewportCentre(() => {
        const box = container.current?.getBoundingClientRect();
        if (!box) return { x: 0, y: 0 };
        const centre = flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
        return { x: Math.round(centre.x - DROP_OFFSET.x), y: Math.round(centre.y - DROP_OFFSET.y) };
      }),
    [flow],
  );

  const blockIds = doc.blocks.map((b) => b.id).join('\n');
  const fit = useReadableFit(container);
  useFitOnNewFlow(blockIds, fit);
  useShowAddedBlock(blockIds);

  return (
    <div className="flow-canvas" onDragOver={onDragOver} onDrop={onDrop} data-testid="flow-canvas">
      <div className="flow-canvas__pane" ref={container}>
        <ReactFlow<BlockFlowNode>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          isValidConnection={isValidConnection}
          // The canvas handles Delete itself (blocks through the store, connections through disconnect).
          deleteKeyCode={null}
          multiSelectionKeyCode={['Shift', 'Control', 'Meta']}
          selectionKeyCode="Shift"
          minZoom={0.2}
          maxZoom={2}
        >
          <Background variant={BackgroundVariant.Dots} gap={20} size={1} />
          <ConnectHint />
        </ReactFlow>
        {doc.blocks.length === 0 && (
          <div className="canvas-empty">
            <p>Drag a block here from the palette, or double-click one to add it.</p>
          </div>
        )}
      </div>
      <CanvasRail onFit={() => fit(150)} />
    </div>
  );
}

/** The elements, keeping each one that did not change since the last render (see keepUnchanged). */
function useStableElements<T extends { id: string }>(next: T[], same: (a: T, b: T) => boolean): T[] {
  const kept = useRef<T[]>([]);
  const stable = keepUnchanged(kept.current, next, same);
  useEffect(() => {
    kept.current = stable;
  });
  return stable;
}

/** The footprint of a block on screen, in flow units, for bringing a new one into view. */
const BLOCK_SIZE = { width: 212, height: 120 };

/**
 * Pans, without zooming, to a block just added off screen (to the right of the block it follows, say), so that the
 * user sees where it landed and can reach its ports.
 */
function useShowAddedBlock(blockIds: string): void {
  const { getViewport, setViewport } = useReactFlow();
  const previous = useRef<string | undefined>(undefined);
  useEffect(() => {
    const before = previous.current === undefined ? undefined : new Set(previous.current.split('\n'));
    previous.current = blockIds;
    if (before === undefined) return;
    const added = blockIds.split('\n').filter((id) => id !== '' && !before.has(id));
    if (added.length !== 1) return;
    const at = getStudioState().doc.view?.positions?.[added[0]!];
    const pane = document.querySelector('.flow-canvas .react-flow')?.getBoundingClientRect();
    if (!at || !pane) return;
    const { x, y, zoom } = getViewport();
    const margin = 24;
    const left = at.x * zoom + x;
    const top = at.y * zoom + y;
    const right = left + BLOCK_SIZE.width * zoom;
    const bottom = top + BLOCK_SIZE.height * zoom;
    const dx = right > pane.width - margin ? pane.width - margin - right : left < margin ? margin - left : 0;
    const dy = bottom > pane.height - margin ? pane.height - margin - bottom : top < margin ? margin - top : 0;
    if (dx !== 0 || dy !== 0) void setViewport({ x: x + dx, y: y + dy, zoom }, { duration: 150 });
  }, [blockIds, getViewport, setViewport]);
}
