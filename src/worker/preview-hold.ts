import type { BlockResult } from '../engine/run/executor';

/**
 * The pause after the block the user is looking at: a run waits (briefly) until that block's new rows are on screen,
 * so they are served and drawn before the blocks downstream take the engine. A newer run ends the wait.
 */
export class PreviewHold {
  private focused: string | undefined;
  private held: { blockId: string; release: () => void } | undefined;

  constructor(private readonly holdMs: number) {}

  focus(blockId: string | undefined): void {
    this.focused = blockId;
  }

  isFocused(blockId: string): boolean {
    return blockId === this.focused;
  }

  /** Lets a run paused after `blockId` go on downstream. */
  release(blockId: string): void {
    if (this.held?.blockId === blockId) this.held.release();
  }

  /** After the focused block is recomputed, waits until its preview is on screen (or the hold time passes). */
  afterBlock(result: BlockResult, signal: AbortSignal): Promise<void> | undefined {
    if (result.blockId !== this.focused || result.status !== 'ok' || result.cached || signal.aborted) return undefined;
    return this.wait(result.blockId, this.holdMs, signal);
  }

  /** Resolves once the block's rows are on screen, after `ms`, or when a newer run starts. */
  wait(blockId: string, ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const release = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', release);
        if (this.held?.release === release) this.held = undefined;
        resolve();
      };
      const timer = setTimeout(release, ms);
      signal.addEventListener('abort', release);
      this.held = { blockId, release };
    });
  }
}
