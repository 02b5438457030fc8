"""The music workshop (every step up to the train/test exports) as an analyst writes it in pandas with the pyarrow CSV reader."""
import os
import time

import numpy as np
import pandas as pd

from common import DROPPED, FEATURES, parse_args, report

args = parse_args(__doc__)
started = time.perf_counter()

tracks = pd.read_csv(os.path.join(args.data, "tracks.csv"), engine="pyarrow")
ratings = pd.read_csv(os.path.join(args.data, "ratings.csv"), engine="pyarrow")

tracks = pd.get_dummies(tracks, columns=["genre"], prefix="genre", dtype="int32")
genres = [c for c in tracks.columns if c.startswith("genre_")]
tracks["danceability"] = 0.3 * tracks["valence"] + 0.1 * tracks["liveness"] + 0.1 * tracks["energy"]

joined = tracks.merge(ratings, on="trackId")

five_star = joined[joined["Rating"] == 5].groupby("userId")[FEATURES + genres].mean().add_suffix("_5star").reset_index()
rows = joined.drop(columns=["trackId"] + DROPPED)
data = five_star.merge(rows, on="userId").drop(columns=["userId"])
data = data[["Rating"] + [c for c in data.columns if c != "Rating"]]

in_train = np.random.default_rng(args.seed).random(len(data)) < 0.8
train, test = data[in_train], data[~in_train]
for name, part in (("train", train), ("test", test)):
    path = os.path.join(args.out, f"{name}.{args.format}")
    if args.format == "csv":
        part.to_csv(path, index=False)
    else:
        part.to_parquet(path, index=False)

report(started, len(train), len(test), data.columns)
