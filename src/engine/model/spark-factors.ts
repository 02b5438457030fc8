/**
 * The Python the blocks that read factor tables (predict, recommend, similar-items) share on Spark: a table in
 * wrangle run's shape (`<id>, bias, f0 … f{rank-1}`) read as one vector per row, and the dot product as wrangle
 * run's SQL writes it.
 */

export const VECTOR_DOT = String.raw`
def vector_dot(a, b):
    """Σ a[j]·b[j], added left to right as wrangle run's SQL adds the terms."""
    return F.aggregate(F.zip_with(a, b, lambda x, y: x * y), F.lit(0.0), lambda total, x: total + x)
`;

const FACTOR_SIDE = String.raw`
def factor_side(table, prefix):
    """A factor table read for scoring: its id (the first column) as <prefix>_id, its bias (0 without one) as
    <prefix>_bias, and f0 … f{rank-1} as <prefix>_f0 … in double precision. Returns it and the rank."""
    names = set(table.columns)
    rank = 0
    while f"f{rank}" in names:
        rank += 1
    if rank == 0:
        raise ValueError(f"A factor table has no factor columns f0, f1, … (its columns: {', '.join(table.columns)}).")
    bias = col("bias").cast("double") if "bias" in names else F.lit(0.0)
    factors = [col(f"f{j}").cast("double").alias(f"{prefix}_f{j}") for j in range(rank)]
    return table.select(col(table.columns[0]).alias(prefix + "_id"), bias.alias(prefix + "_bias"), *factors), rank


def factor_dot(a, b, rank):
    """Σ_j a_fj·b_fj of two factor sides' columns, written out term by term and added left to right as wrangle
    run's SQL adds them: plain arithmetic, which Spark compiles, where a pair of arrays would be interpreted."""
    total = F.col(f"{a}_f0") * F.col(f"{b}_f0")
    for j in range(1, rank):
        total = total + F.col(f"{a}_f{j}") * F.col(f"{b}_f{j}")
    return total
`;

const TOP_K = String.raw`
def top_k(pairs, query, item, score, k):
    """The k best-scored items of each query, ranked 1…k; a tie goes to the lower item id, as in wrangle run."""
    best_first = Window.partitionBy(query).orderBy(F.col(score).desc(), F.col(item).asc())
    return pairs.withColumn("rank", F.row_number().over(best_first).cast("int")).where(F.col("rank") <= k)
`;

/** The helpers a step that reads factor tables calls. */
export const FACTOR_HELPERS = [FACTOR_SIDE, TOP_K] as const;
