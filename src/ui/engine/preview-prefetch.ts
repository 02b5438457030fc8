/**
 * The first page of the block in view, asked for as soon as the engine reports that block's new result: the query
 * then runs while the studio renders the new state, instead of after it, when the table would ask for the page
 * itself. The page asked for is the one the table asked for last (its port, sort and size), so the table's own
 * request finds it waiting; any other request goes to the engine as usual.
 */
import type { BlockState, PreviewRequest, PreviewResult } from '../../worker/engine-api';

const requestKey = (req: PreviewRequest): string => JSON.stringify([req.blockId, req.port, req.offset, req.limit, req.sort ?? []]);

export class PreviewPrefetch {
  private focused: string | undefined;
  /** The last first-page request of each block, the table's choice of port, sort and page size. */
  private readonly firstPages = new Map<string, PreviewRequest>();
  private waiting: { blockId: string; key: string; answer: Promise<PreviewResult> } | undefined;

  /** The block the user looks at; an answer fetched for another block is not kept. */
  focus(blockId: string | undefined): void {
    this.focused = blockId;
    if (this.waiting?.blockId !== blockId) this.waiting = undefined;
  }

  /** A request from the table: answered by the page fetched ahead for it, once, or else by `ask`. */
  preview(req: PreviewRequest, ask: (req: PreviewRequest) => Promise<PreviewResult>): Promise<PreviewResult> {
    if (req.offset === 0) this.firstPages.set(req.blockId, req);
    const key = requestKey(req);
    const waiting = this.waiting;
    if (waiting?.key === key) {
      this.waiting = undefined;
      return waiting.answer;
    }
    return ask(req);
  }

  /**
   * A block's new state arrived. For the block in view with a new result, asks for the page the table will want,
   * unless that page would not fit the result (its port or a sorted column is gone).
   */
  stateArrived(state: BlockState, ask: (req: PreviewRequest) => Promise<PreviewResult>): void {
    if (state.blockId !== this.focused || state.status !== 'fresh' || state.cached) return;
    const req = this.firstPages.get(state.blockId);
    const columns = req ? state.outputs[req.port] : undefined;
    if (!req || !columns || !(req.sort ?? []).every((k) => columns.some((c) => c.name === k.column))) return;
    const answer = ask(req);
    // Nobody may ever take it (the table changed its sort meanwhile): its failure is then nobody's to report.
    answer.catch(() => undefined);
    this.waiting = { blockId: state.blockId, key: requestKey(req), answer };
  }

  /** Forgets the page fetched ahead (the engine restarted: its answer is gone with it). */
  clear(): void {
    this.waiting = undefined;
  }
}
