import { pyString, pyValue } from '../spark/contract';
import type { AlsParams } from './als-contract';
import type { RatingColumns } from './als-data';
import { VECTOR_DOT } from './spark-factors';

/**
 * The Python the model blocks' PySpark steps share: ratings with the dense integer ids Spark's ALS needs, bias
 * terms around it (it has none), and the factor tables in wrangle run's shape (`<id>, bias, f0 … f{rank-1}`), so
 * predict, recommend and similar-items read the same tables on both engines.
 */

const MODEL_RATINGS = String.raw`
def model_ratings(ratings, user, item, rating, folds=None):
    """The ratings a model trains on, as wrangle run reads them: rows with a user, an item and a finite rating. Each
    id gets a dense integer index (0-based, by ascending id), as Spark's ALS takes integer ids only. With folds
    (k, seed), each rating's cross-validation fold comes from the same md5 unit of the same key as in wrangle run.
    Returns the ratings (user, item, rating[, fold]) and the two id maps (id, idx)."""
    r = col(rating).cast("double")
    usable = ratings.where(col(user).isNotNull() & col(item).isNotNull() & r.isNotNull() & ~F.isnan(r) & (F.abs(r) != float("inf")))

    def id_map(name):
        # One ordered window over the distinct ids, which are far fewer than the ratings.
        ids = usable.select(col(name).alias("id")).distinct()
        return ids.withColumn("idx", (F.row_number().over(Window.orderBy("id")) - 1).cast("int")).persist()

    users, items = id_map(user), id_map(item)
    picked = [col(user).alias("user_id"), col(item).alias("item_id"), r.alias("rating")]
    if folds:
        k, seed = folds
        key = row_key(ratings, [c for c in ratings.columns if c in (user, item, rating)])
        picked.append(F.floor(seeded_unit(seed, key) * k).cast("int").alias("fold"))
    data = (
        usable.select(*picked)
        .join(users.select(F.col("id").alias("user_id"), F.col("idx").alias("user")), "user_id")
        .join(items.select(F.col("id").alias("item_id"), F.col("idx").alias("item")), "item_id")
        .drop("user_id", "item_id")
    )
    return data.persist(), users, items
`;

const FIT_BIASES = String.raw`
def fit_biases(data, reg_param, rounds, bias):
    """Bias terms around Spark's ALS, which has none: the global mean, then user and item biases by alternating
    regularised means (each minimises the squared error plus reg_param·n·b², the penalty of wrangle run's bias
    terms), rounds times. Returns the mean, the biases (user, bias) and (item, bias), and the residual ratings that
    ALS then factorises."""
    mean = float(data.agg(F.avg("rating")).first()[0]) if bias["global"] else 0.0
    user_bias = data.select("user").distinct().withColumn("user_bias", F.lit(0.0))
    item_bias = data.select("item").distinct().withColumn("item_bias", F.lit(0.0))

    def solve(side, other, other_bias):
        residual = data.join(other_bias, other).select(side, (F.col("rating") - mean - F.col(other + "_bias")).alias("r"))
        means = residual.groupBy(side).agg((F.sum("r") / (F.count(F.lit(1)) * (1 + reg_param))).alias(side + "_bias"))
        # Cut the plan each round: otherwise every round re-plans all the rounds before it.
        return means.localCheckpoint()

    for _ in range(rounds if bias["user"] or bias["item"] else 0):
        if bias["user"]:
            user_bias = solve("user", "item", item_bias)
        if bias["item"]:
            item_bias = solve("item", "user", user_bias)
    residuals = (
        data.join(user_bias, "user")
        .join(item_bias, "item")
        .withColumn("rating", F.col("rating") - mean - F.col("user_bias") - F.col("item_bias"))
        .drop("user_bias", "item_bias")
    )
    return mean, user_bias.withColumnRenamed("user_bias", "bias"), item_bias.withColumnRenamed("item_bias", "bias"), residuals
`;

const FACTOR_VECTORS = String.raw`
def factor_vectors(factors, bias=None):
    """One side of a fitted ALS model as (idx, bias, vec): its factors in double precision, its bias (0 without)."""
    vectors = factors.select(F.col("id").alias("idx"), F.col("features").cast("array<double>").alias("vec"))
    if bias is None:
        return vectors.withColumn("bias", F.lit(0.0)).select("idx", "bias", "vec")
    side = bias.columns[0]
    return vectors.join(bias.select(F.col(side).alias("idx"), F.col("bias").cast("double")), "idx", "left").select(
        "idx", F.coalesce(F.col("bias"), F.lit(0.0)).alias("bias"), "vec"
    )


def factor_table(vectors, ids, id_name, rank, shift=0.0):
    """Factor vectors as wrangle run's factor table: the original id (named as in the ratings), bias (plus shift:
    the global mean goes into the user bias), f0 … f{rank-1}, by id."""
    table = ids.join(vectors, "idx").orderBy("idx")
    factors = [F.col("vec")[j].alias(f"f{j}") for j in range(rank)]
    return table.select(F.col("id").alias(id_name), (F.col("bias") + shift).alias("bias"), *factors)
`;

const ALS_SUMMARY = String.raw`
def als_summary(data, users, items, mean, settings, validation=None):
    """wrangle run's summary row of a trained model: sizes, settings, and the fit of the final factors: the loss it
    minimises (squared error, or implicit confidence-weighted error, plus reg_param·n·‖row‖²) per rating, the
    training RMSE, and the RMSE on the validation ratings (data in dense ids) when given. A plan, computed only if
    the summary is used."""
    u = users.select(F.col("idx").alias("user"), F.col("bias").alias("ub"), F.col("vec").alias("u"))
    i = items.select(F.col("idx").alias("item"), F.col("bias").alias("ib"), F.col("vec").alias("i"))

    def scored(ratings):
        return ratings.join(u, "user").join(i, "item").withColumn("s", vector_dot("u", "i") + mean + F.col("ub") + F.col("ib"))

    def penalty(side, vectors, vec, own_bias, with_bias):
        square = vector_dot(vec, vec) + (F.col(own_bias) * F.col(own_bias) if with_bias else F.lit(0.0))
        return data.groupBy(side).count().join(vectors, side).agg(F.coalesce(F.sum(F.col("count") * square), F.lit(0.0)).alias(side + "_penalty"))

    def gram(vectors, vec):
        products = F.flatten(F.transform(vec, lambda x: F.transform(vec, lambda y: x * y)))
        return vectors.select(F.posexplode(products).alias("cell", "value")).groupBy("cell").agg(F.sum("value").alias(vec + "_gram"))

    explicit = not settings["implicitPrefs"]
    bias = settings["bias"]
    n = F.greatest(F.col("ratings"), F.lit(1))
    parts = [
        data.agg(F.countDistinct("user").alias("users"), F.countDistinct("item").alias("items"), F.count(F.lit(1)).alias("ratings")),
        penalty("user", u, "u", "ub", explicit and bias["user"]),
        penalty("item", i, "i", "ib", explicit and bias["item"]),
    ]
    if explicit:
        parts.append(scored(data).agg(F.coalesce(F.sum((F.col("rating") - F.col("s")) ** 2), F.lit(0.0)).alias("fit")))
        train_rmse = F.sqrt(F.col("fit") / n)
    else:
        # Every (user, item) pair counts, the unrated ones with confidence 1 and preference 0: Σ over all pairs of s²
        # is the inner product of the two sides' Gram matrices; the rated pairs then swap s² for c·(p − s)².
        all_pairs = gram(u, "u").join(gram(i, "i"), "cell").agg(F.sum(F.col("u_gram") * F.col("i_gram")).alias("all_pairs"))
        confidence = 1 + settings["alpha"] * F.abs(F.col("rating"))
        preference = F.when(F.col("rating") > 0, 1.0).otherwise(0.0)
        rated = scored(data).agg(F.coalesce(F.sum(confidence * (preference - F.col("s")) ** 2 - F.col("s") ** 2), F.lit(0.0)).alias("rated"))
        parts += [all_pairs, rated]
        train_rmse = F.lit(None).cast("int")
    if validation is not None and explicit:
        parts.append(scored(validation).agg(F.sqrt(F.avg((F.col("rating") - F.col("s")) ** 2)).alias("validation_rmse")))
        validation_rmse = F.col("validation_rmse")
    else:
        validation_rmse = F.lit(None).cast("int")
    row = parts[0]
    for part in parts[1:]:
        row = row.crossJoin(part)
    fit = F.col("fit") if explicit else F.col("all_pairs") + F.col("rated")
    cells = F.col("users") * F.col("items")
    reg = settings["regParam"]
    return row.select(
        F.col("users").cast("int").alias("users"),
        F.col("items").cast("int").alias("items"),
        F.col("ratings").cast("int").alias("ratings"),
        F.when(cells == 0, F.lit(0.0)).otherwise(1 - F.col("ratings") / cells).alias("sparsity"),
        F.lit(settings["rank"]).cast("int").alias("rank"),
        F.lit(settings["maxIter"]).cast("int").alias("iterations"),
        # As wrangle run writes it, a whole number is an integer column.
        F.lit(reg).cast("int" if float(reg).is_integer() else "double").alias("reg_param"),
        F.lit(settings["implicitPrefs"]).alias("implicit"),
        ((fit + reg * (F.col("user_penalty") + F.col("item_penalty"))) / n).alias("loss"),
        train_rmse.alias("train_rmse"),
        validation_rmse.alias("validation_rmse"),
    )
`;

const VALIDATION_RATINGS = String.raw`
def validation_ratings(validation, user, item, rating, user_ids, item_ids):
    """Held-out ratings in the training's dense ids; a user or item the training has not seen is skipped, as in
    wrangle run."""
    r = col(rating).cast("double")
    usable = validation.where(r.isNotNull() & ~F.isnan(r) & (F.abs(r) != float("inf")))
    return (
        usable.select(col(user).alias("user_id"), col(item).alias("item_id"), r.alias("rating"))
        .join(user_ids.select(F.col("id").alias("user_id"), F.col("idx").alias("user")), "user_id")
        .join(item_ids.select(F.col("id").alias("item_id"), F.col("idx").alias("item")), "item_id")
        .drop("user_id", "item_id")
    )
`;

/** The helpers a model-training step calls. */
export const ALS_HELPERS = [VECTOR_DOT, MODEL_RATINGS, FIT_BIASES, FACTOR_VECTORS, ALS_SUMMARY, VALIDATION_RATINGS] as const;

/** Whether the settings ask for bias terms Spark's ALS lacks (explicit feedback only, as wrangle run). */
export function wantsBias(p: AlsParams): boolean {
  return !p.implicitPrefs && (p.bias.global || p.bias.user || p.bias.item);
}

/** The notes a trained model carries on Spark: where its numbers come from differently than in wrangle run. */
export function alsNotes(p: AlsParams): string[] {
  const notes = [
    "Spark's ALS draws its own random starting factors and keeps them in single precision, so the factors, " +
      'predictions and recommendations are close to those of wrangle run, not equal.',
  ];
  if (wantsBias(p)) {
    notes.push(
      `bias ${JSON.stringify(p.bias)}: Spark's ALS has no bias terms. The job fits them first (the global mean, then ` +
        `user and item biases by ${p.maxIter} rounds of regularised means) and factorises what they leave; wrangle run ` +
        'fits biases and factors together in every sweep.',
    );
  }
  return notes;
}

/** `ALS(...)` with a block's settings, named as Spark names them, on the dense columns model_ratings writes. */
export function alsConstructor(p: AlsParams, extra: Record<string, unknown> = {}): string {
  const settings = { rank: p.rank, maxIter: p.maxIter, regParam: p.regParam, alpha: p.alpha, implicitPrefs: p.implicitPrefs, nonnegative: p.nonnegative, seed: p.seed, ...extra };
  const args = Object.entries(settings).map(([k, v]) => `${k}=${pyValue(v)}`);
  return `ALS(userCol="user", itemCol="item", ratingCol="rating", ${args.join(', ')})`;
}

/** The lines that read the ratings with dense ids (and folds), after which `data`, `user_ids`, `item_ids` exist. */
export function readRatingsLines(ratings: string, cols: RatingColumns, folds?: { k: number; seed: number }): string[] {
  const foldArg = folds ? `, folds=(${folds.k}, ${folds.seed})` : '';
  return [`data, user_ids, item_ids = model_ratings(${ratings}, ${pyString(cols.user)}, ${pyString(cols.item)}, ${pyString(cols.rating)}${foldArg})`];
}

/**
 * The lines that fit biases (when asked for) and hand `model_data` to ALS: after them `mean`, `user_bias`,
 * `item_bias` (None without) and `model_data` (the ratings, or their residuals) exist.
 */
export function biasLines(p: AlsParams): string[] {
  if (!wantsBias(p)) return ['mean, user_bias, item_bias, model_data = 0.0, None, None, data'];
  return [`mean, user_bias, item_bias, model_data = fit_biases(data, ${pyValue(p.regParam)}, ${p.maxIter}, ${pyValue(p.bias)})`];
}

/** The lines that turn a fitted `model` into its vectors and the factor tables `users` and `items` (of `rank`, Python). */
export function factorTableLines(cols: RatingColumns, rank: string): string[] {
  return [
    'user_vectors = factor_vectors(model.userFactors, user_bias)',
    'item_vectors = factor_vectors(model.itemFactors, item_bias)',
    `users = factor_table(user_vectors, user_ids, ${pyString(cols.user)}, ${rank}, shift=mean)`,
    `items = factor_table(item_vectors, item_ids, ${pyString(cols.item)}, ${rank})`,
  ];
}
