import { z } from 'zod';
import { fail } from '../errors/catalog';
import type { AlsParams } from './als-contract';

/** The trainer's settings as a flow stores them; the defaults are Spark's. */
export const alsSettings = {
  rank: z.number().int().min(1).max(256).default(10),
  maxIter: z.number().int().min(1).max(500).default(10),
  regParam: z.number().min(0).default(0.1),
  alpha: z.number().min(0).default(1),
  implicitPrefs: z.boolean().default(false),
  nonnegative: z.boolean().default(false),
  seed: z.number().int().default(42),
  /** Bias terms (explicit feedback only). Spark has none: off by default. */
  bias: z
    .object({ global: z.boolean().default(false), user: z.boolean().default(false), item: z.boolean().default(false) })
    .strict()
    .default({ global: false, user: false, item: false }),
};

/** The trainer's parameters from a model block's settings; refuses combinations the trainer cannot honour. */
export function alsParams(p: z.infer<z.ZodObject<typeof alsSettings>>): AlsParams {
  if (p.nonnegative && !p.implicitPrefs && (p.bias.user || p.bias.item)) {
    fail('E_PARAMS_INVALID', { path: 'bias', detail: 'nonnegative factors cannot be combined with user or item bias terms' });
  }
  return { rank: p.rank, maxIter: p.maxIter, regParam: p.regParam, alpha: p.alpha, implicitPrefs: p.implicitPrefs, nonnegative: p.nonnegative, seed: p.seed, bias: p.bias };
}

