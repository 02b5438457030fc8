import type { AlsParams, AlsTrainingData, ModelHost, TopKRequest, TrainedAls, TrainingHooks } from '../engine/model/als-contract';
import { trainAls } from './als';
import type { CpuKernel } from './kernels/kernel';
import { topK } from './top-k';
import { LocalSweeper, ratingsMatrix, type RatingsMatrix, type Sweeper } from './sweeper';

/** Below this many ratings, starting worker threads costs more than it saves: train on the calling thread. */
export const POOL_MIN_RATINGS = 50_000;

/** Picks where a training runs, once its ratings are known: worker threads, a GPU, or this thread. */
export interface SweeperFactory {
  create(matrix: RatingsMatrix, params: AlsParams): Promise<{ sweeper: Sweeper; fallbackReason?: string }>;
}

/** The ModelHost the CLI and the studio hand the engine: the same trainer, with their own threads. */
export function createModelHost(factory: SweeperFactory): ModelHost {
  return {
    async trainAls(data: AlsTrainingData, params: AlsParams, hooks: TrainingHooks): Promise<TrainedAls> {
      const matrix = ratingsMatrix(data.users, data.items, data.user, data.item, data.rating);
      const { sweeper, fallbackReason } = await factory.create(matrix, params);
      try {
        hooks.onStart?.({ backend: sweeper.description, ...(fallbackReason ? { fallbackReason } : {}) });
        const model = await trainAls(matrix, params, sweeper, { ...hooks, ...(data.validation ? { validation: data.validation } : {}) });
        return { ...model, backend: sweeper.description, ...(fallbackReason ? { fallbackReason } : {}) };
      } finally {
        sweeper.dispose();
      }
    },
    topK: (request: TopKRequest) => Promise.resolve(topK(request)),
  };
}

/** Trains on the calling thread with one CPU kernel: tests, and hosts without worker threads. */
export function localModelHost(kernel: CpuKernel): ModelHost {
  return createModelHost({ create: (matrix) => Promise.resolve({ sweeper: new LocalSweeper(kernel, matrix) }) });
}
