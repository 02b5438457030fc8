import { alsParams } from '../../model/als-settings';
import { ALS_HELPERS, alsConstructor, alsNotes, biasLines, factorTableLines, readRatingsLines } from '../../model/spark-als';
import { pyString, pyValue, type SparkEmitter } from '../../spark/contract';
import type { TrainAlsParams } from './definition';

/**
 * Train ALS as `pyspark.ml.recommendation.ALS` with the block's settings, on dense ids; bias terms, which Spark's
 * ALS lacks, are fitted around it. Returns the factor tables and the summary in wrangle run's shape.
 */
export const trainAlsSpark: SparkEmitter<TrainAlsParams> = ({ params: p, inputs }) => {
  const settings = alsParams(p);
  const cols = { user: p.userColumn, item: p.itemColumn, rating: p.ratingColumn };
  const validation = p.validate
    ? `validation_ratings(${inputs.validation}, ${pyString(cols.user)}, ${pyString(cols.item)}, ${pyString(cols.rating)}, user_ids, item_ids)`
    : 'None';
  const body = [
    'from pyspark.ml.recommendation import ALS',
    '',
    ...readRatingsLines(inputs.ratings!, cols),
    ...biasLines(settings),
    `model = ${alsConstructor(settings)}.fit(model_data)`,
    ...factorTableLines(cols, String(settings.rank)),
    `settings = ${pyValue(settings)}`,
    `summary = als_summary(data, user_vectors, item_vectors, mean, settings, ${validation})`,
    'return {"users": users, "items": items, "summary": summary}',
  ];
  return { body, outputs: ['users', 'items', 'summary'], helpers: ALS_HELPERS, notes: alsNotes(settings) };
};
