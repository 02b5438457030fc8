"""What the pandas and polars peers share: arguments, the workshop's feature lists, and the one JSON line they print."""
import argparse
import json
import time

FEATURES = ["energy", "acousticness", "valence", "speechiness", "instrumentalness", "liveness", "tempo", "danceability"]
DROPPED = ["ts", "sessionId", "itemInSession", "ratingEventId"]


def parse_args(description):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--data", required=True, help="folder with tracks.csv and ratings.csv")
    parser.add_argument("--out", required=True, help="folder for train and test")
    parser.add_argument("--format", choices=["csv", "parquet"], default="csv")
    parser.add_argument("--seed", type=int, default=42)
    return parser.parse_args()


def report(started, train_rows, test_rows, columns):
    print(json.dumps({"seconds": round(time.perf_counter() - started, 3), "trainRows": train_rows, "testRows": test_rows, "columns": list(columns)}))
