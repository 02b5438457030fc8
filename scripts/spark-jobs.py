"""Runs generated PySpark jobs in one local Spark session (a session takes seconds to start).

Usage: python spark-jobs.py MANIFEST.json RESULTS.json
MANIFEST: [{"name": ..., "job": "path/job.py", "argv": [...]}, ...]. RESULTS: {name: {"ok": true} or {"ok": false, "error": "..."}}.
"""
import importlib.util
import json
import sys
import time
import traceback

from pyspark.sql import SparkSession


def main(manifest_path, results_path):
    with open(manifest_path) as f:
        manifest = json.load(f)
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("wrangle spark tier")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    results = {}
    try:
        for entry in manifest:
            spec = importlib.util.spec_from_file_location("job_" + str(len(results)), entry["job"])
            module = importlib.util.module_from_spec(spec)
            started = time.monotonic()
            try:
                spec.loader.exec_module(module)
                module.run(spark, entry["argv"])
                results[entry["name"]] = {"ok": True, "seconds": round(time.monotonic() - started, 1)}
            except Exception as e:  # noqa: BLE001 - every failure is reported to the test that owns the job
                results[entry["name"]] = {"ok": False, "error": "".join(traceback.format_exception_only(type(e), e))[-4000:]}
    finally:
        spark.stop()
    with open(results_path, "w") as f:
        json.dump({"spark": spark.version, "results": results}, f)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
