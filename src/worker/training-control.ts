import { fail } from '../engine/errors/catalog';
import type { AlsParams, AlsTrainingData, ModelHost, TrainedAls, TrainingHooks } from '../engine/model/als-contract';
import type { TrainingEvent } from './engine-api';

interface TrainingBlock {
  blockId: string;
  /** The user's Cancel for this block, apart from the run's own signal (which a newer edit aborts). */
  stop: AbortController;
}

/**
 * The engine session's hold on training: which block trains now, the user's Cancel for it, and the blocks a cancel
 * holds back. A cancel stops only that block's training: the executor then reports it failed with
 * E_TRAINING_CANCELLED and runs the rest of the flow, unlike the run's signal, which stops the whole run.
 */
export class TrainingControl {
  private current: TrainingBlock | undefined;
  /** Blocks held back in this run: cancelled earlier, or cancelled before the run reached them. */
  private held = new Set<string>();

  constructor(private readonly models: ModelHost | undefined) {}

  /** A run starts: the ModelHost it trains with (none if the session has no trainer), reporting starts to `emit`. */
  beginRun(holdTraining: readonly string[], emit: (event: TrainingEvent) => void): ModelHost | undefined {
    this.held = new Set(holdTraining);
    this.current = undefined;
    const inner = this.models;
    if (!inner) return undefined;
    return { trainAls: (data, params, hooks) => this.train(inner, data, params, hooks, emit), topK: (request) => inner.topK(request) };
  }

  /** The executor runs one block at a time, so the block that trains is the one that started last. */
  blockStarted(blockId: string): void {
    const stop = new AbortController();
    if (this.held.has(blockId)) stop.abort();
    this.current = { blockId, stop };
  }

  /** Stops the block's training at its next half-sweep, or holds it back if the run has not reached it yet. */
  cancel(blockId: string): void {
    if (this.current?.blockId === blockId) this.current.stop.abort();
    else this.held.add(blockId);
  }

  private async train(inner: ModelHost, data: AlsTrainingData, params: AlsParams, hooks: TrainingHooks, emit: (event: TrainingEvent) => void): Promise<TrainedAls> {
    const block = this.current;
    if (!block) return inner.trainAls(data, params, hooks);
    const cancelled = (): never => fail('E_TRAINING_CANCELLED', { block: block.blockId }, block.blockId);
    if (block.stop.signal.aborted) cancelled();
    const signal = hooks.signal ? AbortSignal.any([hooks.signal, block.stop.signal]) : block.stop.signal;
    try {
      return await inner.trainAls(data, params, {
        ...hooks,
        signal,
        onStart: (info) => {
          hooks.onStart?.(info);
          emit({ type: 'start', blockId: block.blockId, ...info });
        },
      });
    } catch (e) {
      // A newer edit aborting the run is the executor's business (the whole run is cancelled); only the user's
      // Cancel makes this block "cancelled".
      if (block.stop.signal.aborted && !hooks.signal?.aborted) cancelled();
      throw e;
    }
  }
}
