import { useRef, type JSX, type KeyboardEvent, type PointerEvent } from 'react';

const MIN = 0.15;
const MAX = 0.75;
const KEY_STEP = 0.04;

export const clampPreviewShare = (share: number): number => Math.min(MAX, Math.max(MIN, share));

/**
 * The handle between the canvas and the preview panel. Dragging it (or the arrow keys, when focused) sets the
 * preview's share of the window height.
 */
export function PreviewSplitter({ share, onChange }: { share: number; onChange(share: number): void }): JSX.Element {
  const dragging = useRef(false);
  const onPointerDown = (e: PointerEvent<HTMLDivElement>): void => {
    dragging.current = true;
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>): void => {
    if (!dragging.current) return;
    onChange(clampPreviewShare((window.innerHeight - e.clientY) / window.innerHeight));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>): void => {
    dragging.current = false;
    e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key === 'ArrowUp') onChange(clampPreviewShare(share + KEY_STEP));
    else if (e.key === 'ArrowDown') onChange(clampPreviewShare(share - KEY_STEP));
    else return;
    e.preventDefault();
  };
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="horizontal"
      aria-label="Preview height"
      aria-valuemin={MIN * 100}
      aria-valuemax={MAX * 100}
      aria-valuenow={Math.round(share * 100)}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
