import { useEffect, useMemo, type JSX } from 'react';
import type { EngineClient } from '../../worker/engine-api';
import { PreviewPanel } from '../preview/PreviewPanel';
import { useStudio } from '../state/studio-store';
import { previewTarget } from './preview-target';

/** The bottom panel: the selected block's output, or for an export, the rows it writes. */
export function PreviewArea({ engine, hidden = false }: { engine: EngineClient; hidden?: boolean }): JSX.Element {
  const doc = useStudio((s) => s.doc);
  const selected = useStudio((s) => s.selection[0]);
  const target = useMemo(() => previewTarget(doc, selected), [doc, selected]);
  const state = useStudio((s) => (target ? s.runtime[target.blockId] : undefined));
  // The engine serves this block's preview before recomputing what lies downstream of it.
  useEffect(() => {
    engine.focus(target?.blockId).catch(() => undefined);
  }, [engine, target?.blockId]);

  return (
    <section className="app__preview" aria-label="Preview" hidden={hidden}>
      {target?.exportOf !== undefined && (
        <p className="app__preview-note">
          {target.exportOf} writes the rows of {target.blockId} · {target.port}
        </p>
      )}
      <PreviewPanel engine={engine} blockId={target?.blockId} port={target?.port} state={state} />
    </section>
  );
}
