import { useEffect, useRef, useState, type JSX } from 'react';
import { receiveFiles } from './data-in';

const carriesFiles = (e: DragEvent): boolean => e.dataTransfer?.types.includes('Files') === true;

/**
 * Files dropped anywhere on the studio: data files become import blocks, a .flow.json is opened. Only drags that
 * carry files are taken, so dragging a block from the palette onto the canvas is left alone.
 */
export function FileDrop(): JSX.Element | null {
  const [active, setActive] = useState(false);
  // dragenter and dragleave fire for every child crossed; the overlay goes when the count is back to zero.
  const depth = useRef(0);

  useEffect(() => {
    const enter = (e: DragEvent): void => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth.current += 1;
      setActive(true);
    };
    const over = (e: DragEvent): void => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent): void => {
      if (!carriesFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setActive(false);
    };
    const drop = (e: DragEvent): void => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth.current = 0;
      setActive(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length > 0) void receiveFiles(files);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  if (!active) return null;
  return (
    <div className="filedrop" aria-hidden="true">
      <p className="filedrop__message">Drop CSV, TSV, Parquet, JSON or JSONL files to import them, or a .flow.json file to open it</p>
    </div>
  );
}
