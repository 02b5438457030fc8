import type { JSX, KeyboardEvent } from 'react';

/** How far one arrow key press moves a column's edge; with Shift, four times as far. */
const KEY_STEP = 16;

export interface ColumnResizerProps {
  column: string;
  width: number;
  minWidth: number;
  /** The table's own drag handler (mouse and touch), from `header.getResizeHandler()`. */
  onDragStart(event: unknown): void;
  onResize(width: number): void;
  onReset(): void;
  resizing: boolean;
}

/**
 * The grip on a column header's right edge: drag it, or focus it and press ←/→ (Shift for bigger steps); a
 * double-click or Home gives the column its starting width back.
 */
export function ColumnResizer({ column, width, minWidth, onDragStart, onResize, onReset, resizing }: ColumnResizerProps): JSX.Element {
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.shiftKey ? KEY_STEP * 4 : KEY_STEP;
    if (event.key === 'ArrowRight') onResize(width + step);
    else if (event.key === 'ArrowLeft') onResize(Math.max(minWidth, width - step));
    else if (event.key === 'Home') onReset();
    else return;
    event.preventDefault();
  };
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize column ${column}`}
      aria-valuenow={Math.round(width)}
      aria-valuemin={minWidth}
      tabIndex={0}
      title="Drag, or press ← →, to resize; double-click to reset"
      className={`preview-th__resizer${resizing ? ' is-resizing' : ''}`}
      data-testid={`resize-${column}`}
      onMouseDown={onDragStart}
      onTouchStart={onDragStart}
      onDoubleClick={onReset}
      onKeyDown={onKeyDown}
    />
  );
}
