"""The music workshop (every step up to the train/test exports) as an analyst writes it in polars."""
import os
import time

import numpy as np
import polars as pl

from common import DROPPED, FEATURES, parse_args, report

args = parse_args(__doc__)
started = time.perf_counter()

tracks = pl.read_csv(os.path.join(args.data, "tracks.csv"))
ratings = pl.read_csv(os.path.join(args.data, "ratings.csv"))

tracks = tracks.to_dummies(columns=["genre"]).with_columns(
    danceability=0.3 * pl.col("valence") + 0.1 * pl.col("liveness") + 0.1 * pl.col("energy")
)
genres = [c for c in tracks.columns if c.startswith("genre_")]

joined = tracks.join(ratings, on="trackId")

five_star = (
    joined.filter(pl.col("Rating") == 5)
    .group_by("userId")
    .agg([pl.col(c).mean().alias(f"{c}_5star") for c in FEATURES + genres])
)
rows = joined.drop(["trackId"] + DROPPED)
data = five_star.join(rows, on="userId").drop("userId")
data = data.select(["Rating", pl.exclude("Rating")])

in_train = pl.Series(np.random.default_rng(args.seed).random(data.height) < 0.8)
train, test = data.filter(in_train), data.filter(~in_train)
for name, part in (("train", train), ("test", test)):
    path = os.path.join(args.out, f"{name}.{args.format}")
    if args.format == "csv":
        part.write_csv(path)
    else:
        part.write_parquet(path)

report(started, train.height, test.height, data.columns)
