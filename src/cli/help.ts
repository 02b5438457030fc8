/** Help texts, each with an example that runs on the bundled sample data. */
export const helpText: Record<string, string> = {
  main: `wrangle: run Wrangle Studio flow files on native DuckDB.

Usage: wrangle <command> [options]

Commands:
  run FLOW        run a flow and write its exports
  validate FLOW   check a flow file (and, given data, that every block compiles)
  sql FLOW        print the whole flow as one runnable DuckDB script
  import-dw FILE  convert a SageMaker Data Wrangler .flow file into a flow
  pyspark FLOW    write the flow as a standalone PySpark job for a Spark cluster

Run 'wrangle <command> --help' for a command's options.

Example:
  wrangle run sample-data/flows/music-recommendation.flow.json --data sample-data/music --out out/

Exit codes: 0 success, 1 flow or data error, 2 usage error.`,

  run: `wrangle run FLOW [options]

Runs every block of FLOW on native DuckDB, sandboxed: only the declared input files and the output directory
are reachable. Exports are written to a staging directory and moved into --out only when the whole flow succeeds.

Options:
  --input NAME=PATH   the file for the flow input NAME (repeatable)
  --data DIR          find each input by its declared file name in DIR
  --out DIR           where exports go (default: out)
  --format csv|parquet  write every export in this format
  --force             overwrite files that already exist in --out
  --refit             recompute fitted state (labels, statistics) from this data
  --save-flow PATH    write the flow, with the fitted state this run computed, to PATH
  --threads N         DuckDB threads and model-training worker threads (default: all cores)
  --memory-limit SIZE how much memory DuckDB may use before it spills to disk: 4GB, 512MiB or 50% of the
                      machine's memory (default: 60%, which leaves room for the rest of the process)
  --temp-dir DIR      where the run's private spill directory is made (default: the system's temporary
                      directory); it is readable by this user only, unreachable from the flow, and removed after
  --backend B         where models train: auto (default: a hardware GPU through WebGPU when there is one, else
                      WebAssembly SIMD on worker threads), webgpu, wasm, or ts (the plain TypeScript reference)
  --json              print a machine-readable summary on stdout
  -h, --help          show this help

Model blocks (train-als, tune) print a line per training iteration: its loss and RMSE.

Examples:
  wrangle run sample-data/flows/music-recommendation.flow.json --data sample-data/music --out out/
  wrangle run my.flow.json --input tracks=/data/tracks.csv --input ratings=/data/ratings.csv --out results --json
  wrangle run my.flow.json --data /data/big --out results --format parquet --memory-limit 8GB --temp-dir /mnt/scratch`,

  validate: `wrangle validate FLOW [--input NAME=PATH]... [--data DIR] [--json]

Checks that FLOW is a valid flow file: its format and version, every block's settings, and its wiring (no cycles,
no connections to missing blocks or ports). Given the input files, it also compiles every block against them.

Example:
  wrangle validate sample-data/flows/music-recommendation.flow.json --data sample-data/music`,

  sql: `wrangle sql FLOW [--input NAME=PATH]... [--data DIR] [--out DIR]

Prints the whole flow as one DuckDB script: a view per block and a COPY per export. Inputs are found as for
'run' (default: in the current directory); exports go to --out (default: out).

Example:
  wrangle sql sample-data/flows/music-recommendation.flow.json --data sample-data/music > music.sql`,

  'import-dw': `wrangle import-dw FILE.flow [-o OUT.flow.json] [--force] [--types-from-file] [--json]

Converts a SageMaker Data Wrangler .flow file into a Wrangle flow and prints what each node became: translated,
refitted (fitted again on the first run), approximated (and how) or unsupported (kept as a block that stops the flow
there, with its original code). Sources become inputs named after their files; fitted encoder labels are decoded from
the file. Exit 0 with the report even when some nodes are unsupported; 1 when the file is not a Data Wrangler flow.

Options:
  -o, --output PATH   where the flow goes (default: FILE's name with .flow.json, in the current directory)
  --force             overwrite PATH if it exists
  --types-from-file   cast to the column types Data Wrangler stored, instead of inferring them from the data
                      (a stored type that does not fit the data makes that column NULL, as in Data Wrangler)
  --json              print the report as JSON on stdout
  -h, --help          show this help

Example:
  wrangle import-dw join.flow -o music.flow.json && wrangle run music.flow.json --data sample-data/music --out out/`,

  pyspark: `wrangle pyspark FLOW [-o JOB.py] [--force]

Writes FLOW as one standalone, readable PySpark script (Spark 3.5 and 4.x): a function per block, named after the
block, with its label and settings in a comment. The job takes the arguments of 'wrangle run' (--input NAME=PATH
with any Spark URI: s3://, gs://, abfss://, hdfs://, a local path; --out DIR; --format csv|parquet; --force) and
gives the same rows. User SQL (formulas, filters) is translated from DuckDB's parse tree into Spark SQL; a block,
function or construct without a translation is refused with E_SPARK_UNSUPPORTED, naming it and where it is.

Options:
  -o, --output PATH   where the job goes (default: stdout)
  --force             overwrite PATH if it exists
  -h, --help          show this help

Example:
  wrangle pyspark music-workshop.flow.json -o job.py &&
    spark-submit job.py --input tracks=s3://bucket/tracks.csv --input ratings=s3://bucket/ratings.csv --out s3://bucket/out/`,
};
