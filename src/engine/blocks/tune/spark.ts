import { alsParams } from '../../model/als-settings';
import { ALS_HELPERS, alsConstructor, alsNotes, factorTableLines, readRatingsLines, wantsBias } from '../../model/spark-als';
import { pyValue, type SparkEmitter } from '../../spark/contract';
import type { TuneParams } from './definition';

const ascending = (values: readonly number[]) => [...new Set(values)].sort((a, b) => a - b);

/**
 * Tune as the Spark notebook does it: `CrossValidator` over a `ParamGridBuilder` grid of rank × regParam, scored by
 * `RegressionEvaluator` on RMSE, on the same folds as wrangle run (each rating's fold from the same md5 unit, passed
 * as `foldCol`). The best model, refitted on all the ratings, gives the factor tables.
 */
export const tuneSpark: SparkEmitter<TuneParams> = ({ params: p, inputs, unsupported }) => {
  if (p.implicitPrefs) throw unsupported('implicitPrefs', 'its settings', 'tuning scores held-out RMSE, which needs explicit ratings');
  const base = alsParams({ ...p, rank: p.grid.rank[0]!, regParam: p.grid.regParam[0]! });
  if (wantsBias(base)) {
    throw unsupported(
      `bias ${JSON.stringify(p.bias)}`,
      'its settings',
      "Spark's ALS has no bias terms, and cross-validating them needs them refitted inside every fold; tune without them, or train the chosen settings with Train ALS",
    );
  }
  const cols = { user: p.userColumn, item: p.itemColumn, rating: p.ratingColumn };
  const body = [
    'from pyspark.ml.evaluation import RegressionEvaluator',
    'from pyspark.ml.recommendation import ALS',
    'from pyspark.ml.tuning import CrossValidator, ParamGridBuilder',
    '',
    ...readRatingsLines(inputs.ratings!, cols, { k: p.folds, seed: p.seed }),
    '# Ratings whose user or item the fold\'s training lacks are dropped from its score, as in wrangle run.',
    `als = ${alsConstructor(base, { coldStartStrategy: 'drop' })}`,
    '# Ascending, so that a tie goes to the smaller rank, then the smaller regParam, as in wrangle run.',
    `grid = ParamGridBuilder().addGrid(als.rank, ${pyValue(ascending(p.grid.rank))}).addGrid(als.regParam, ${pyValue(ascending(p.grid.regParam))}).build()`,
    'evaluator = RegressionEvaluator(metricName="rmse", labelCol="rating", predictionCol="prediction")',
    `cv = CrossValidator(estimator=als, estimatorParamMaps=grid, evaluator=evaluator, numFolds=${p.folds}, foldCol="fold", collectSubModels=True)`,
    'cv_model = cv.fit(data)',
    '# CrossValidator keeps the mean and spread of the folds\' RMSE; each fold\'s own is its model scored again.',
    `fold_rmse = [[evaluator.evaluate(cv_model.subModels[f][g].transform(data.where(F.col("fold") == f))) for f in range(${p.folds})] for g in range(len(grid))]`,
    'points = []',
    'for g, param_map in enumerate(grid):',
    '    scores = fold_rmse[g]',
    '    mean_rmse = sum(scores) / len(scores)',
    '    spread = (sum((x - mean_rmse) ** 2 for x in scores) / len(scores)) ** 0.5',
    '    points.append((param_map[als.rank], float(param_map[als.regParam]), mean_rmse, spread, scores))',
    '# CrossValidator\'s best is the first lowest mean RMSE, refitted on all the ratings.',
    'best = min(points, key=lambda point: point[2])',
    'model = cv_model.bestModel',
    'mean, user_bias, item_bias = 0.0, None, None',
    ...factorTableLines(cols, 'best[0]'),
    'schema = "rank int, reg_param double, rmse double, rmse_std double, fold_rmse array<double>"',
    'results = spark.createDataFrame(points, schema).orderBy("rmse", "rank", "reg_param")',
    '# As wrangle run writes the best row, a whole number is an integer column.',
    'whole = [float(x).is_integer() for x in best[1:4]]',
    'values = [int(x) if w else float(x) for x, w in zip(best[1:4], whole)]',
    'types = ["int" if w else "double" for w in whole]',
    'best_schema = f"rank int, reg_param {types[0]}, rmse {types[1]}, rmse_std {types[2]}, folds int"',
    `best_row = spark.createDataFrame([(best[0], *values, ${p.folds})], best_schema)`,
    'return {"users": users, "items": items, "results": results, "best": best_row}',
  ];
  return { body, outputs: ['users', 'items', 'results', 'best'], helpers: ALS_HELPERS, notes: alsNotes(base) };
};
