import { z } from 'zod';

/** The settings of both modes; each mode reads its own and ignores the rest, as the split block's methods do. */
export const evaluateParams = z
  .object({
    /** Rating: how far predicted ratings are from observed ones. Ranking: how good top-k recommendations are. */
    mode: z.enum(['rating', 'ranking']).default('rating'),
    /** Rating: the observed rating; empty: the column named "rating" in any letter case. */
    ratingColumn: z.string().default(''),
    predictionColumn: z.string().min(1).default('prediction'),
    /** Rating: the scale predictions are rounded to (nearest step, held to [min, max]) for the error distances. */
    min: z.number().default(1),
    max: z.number().default(5),
    step: z.number().positive().default(1),
    /** Ranking: the user column of the recommendations; empty: its first column, as the recommend block writes it. */
    userColumn: z.string().default(''),
    /** Ranking: the item column of the recommendations; empty: its second column. */
    itemColumn: z.string().default(''),
    rankColumn: z.string().min(1).default('rank'),
    /** Ranking: the holdout's user and item columns; empty: the recommendations' names. */
    holdoutUserColumn: z.string().default(''),
    holdoutItemColumn: z.string().default(''),
    k: z.number().int().min(1).max(1000).default(10),
    /** Ranking: adds a `catalog` input (every item) for coverage; without it, coverage is over the items seen. */
    useCatalog: z.boolean().default(false),
    /** The catalog's item column; empty: its first column. */
    catalogColumn: z.string().default(''),
  })
  .strict();

export type EvaluateParams = z.infer<typeof evaluateParams>;
