import { useCallback, useEffect, useRef, useState } from 'react';
import type { EngineClient, EngineErrorInfo, SortKey } from '../../../worker/engine-api';
import { decodePreviewPage, type PreviewRow } from './arrow-rows';
import { PAGE_SIZE, emptyPageCache, missingPageOffsets, pageOffsetsForRange, storePage, type PageCache } from './page-cache';
import { describeFailure } from '../preview-status';
import { createRequestGate } from '../request-gate';
import { sortSignature } from './sort-cycle';

export interface PreviewSource {
  blockId: string;
  port: string;
  /** The fresh result the rows belong to; pages of an older one are dropped on arrival. */
  resultKey: string;
  columnNames: readonly string[];
  sort: readonly SortKey[];
  /** False while the block recomputes: its rows stay on screen but nothing new is asked for. */
  enabled: boolean;
}

export interface PreviewPages {
  cache: PageCache<PreviewRow>;
  /** The columns the cached rows were decoded for: an older result's rows can have other columns. */
  cacheColumns: readonly string[];
  error?: EngineErrorInfo;
  /** Fetches the pages that hold rows `first..last` and are not cached yet. */
  ensureRows(first: number, last: number): void;
}

interface Work {
  generation: string;
  gateId: number;
  pending: Set<number>;
  /** Pages that failed in this generation are not asked for again until the result or sort changes. */
  failed: Set<number>;
}

/** The rows of one block output, fetched page by page in the engine's sort order as the user scrolls. */
export function usePreviewPages(engine: EngineClient, source: PreviewSource): PreviewPages {
  const { blockId, port, resultKey, columnNames, sort, enabled } = source;
  const generation = `${resultKey}\u0000${sortSignature(sort)}`;
  const [cache, setCache] = useState<PageCache<PreviewRow>>(() => emptyPageCache(''));
  const [cacheColumns, setCacheColumns] = useState<readonly string[]>([]);
  const [failure, setFailure] = useState<{ generation: string; error: EngineErrorInfo }>();
  const [gate] = useState(createRequestGate);
  const work = useRef<Work>({ generation: '', gateId: 0, pending: new Set(), failed: new Set() });
  const focusRow = useRef(0);

  useEffect(() => () => gate.invalidate(), [gate]);

  const ensureRows = useCallback(
    (first: number, last: number) => {
      if (!enabled) return;
      focusRow.current = first;
      // A new generation, or one whose requests were made stale (an unmount, or React's StrictMode re-mount), starts over.
      if (work.current.generation !== generation || !gate.isLatest(work.current.gateId)) {
        work.current = { generation, gateId: gate.begin(), pending: new Set(), failed: new Set() };
      }
      const job = work.current;
      const current = cache.generation === generation;
      // Until this generation answers, the older one's row count says which pages are on screen; page 0 is asked for
      // too, since its answer carries the new count even when the old one was zero.
      const onScreen = pageOffsetsForRange(first, last, cache.totalRows);
      const wanted = current ? onScreen : [...new Set([0, ...onScreen])];
      for (const offset of missingPageOffsets(current ? cache : emptyPageCache(''), wanted, job.pending)) {
        if (job.failed.has(offset)) continue;
        job.pending.add(offset);
        engine.preview({ blockId, port, offset, limit: PAGE_SIZE, sort: [...sort] }).then(
          (page) => {
            job.pending.delete(offset);
            if (!gate.isLatest(job.gateId)) return;
            const rows = decodePreviewPage(page.arrow, columnNames, offset);
            setCache((c) => storePage(c, { generation, offset, rows, totalRows: page.totalRows }, focusRow.current));
            setCacheColumns(columnNames);
          },
          (err: unknown) => {
            job.pending.delete(offset);
            job.failed.add(offset);
            if (gate.isLatest(job.gateId)) setFailure({ generation, error: describeFailure(err) });
          },
        );
      }
    },
    [engine, blockId, port, columnNames, sort, enabled, generation, cache, gate],
  );

  return {
    cache,
    cacheColumns,
    ...(failure?.generation === generation ? { error: failure.error } : {}),
    ensureRows,
  };
}
