/**
 * The helpers every generated job carries, as Python text: how a column is named, how a row becomes the same key
 * text and the same md5 unit as in the DuckDB compiler (src/engine/sql/seeded.ts), and how a join names columns.
 */
export const PRELUDE = String.raw`
def col(name):
    """A column by its exact name: dots and backticks in a name stay part of it."""
    return F.col("${'`'}" + name.replace("${'`'}", "${'`'}${'`'}") + "${'`'}")


def name_key(name):
    """Column names as DuckDB compares them: ASCII case does not count."""
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in name)


def key_text(df, name):
    """One value as the DuckDB compiler's key text: floating point as whole millionths, NULL spelled distinctly."""
    c = col(name)
    data_type = df.schema[name].dataType
    if isinstance(data_type, (T.StructType, T.ArrayType, T.MapType)):
        raise ValueError(f"column {name!r} is nested ({data_type.simpleString()}): its key text differs between DuckDB and Spark")
    if isinstance(data_type, (T.DoubleType, T.FloatType)):
        millionths = F.round(c.cast("double") * 1e6)
        text = (
            F.when(F.abs(millionths) < 9.223372036854775e18, millionths.cast("long").cast("string"))
            .when(F.isnan(c), F.lit("nan"))
            .when(c == float("inf"), F.lit("inf"))
            .when(c == float("-inf"), F.lit("-inf"))
            .otherwise(c.cast("string"))
        )
    else:
        text = c.cast("string")
    return F.coalesce(text, F.lit("\u0000null"))


def row_key(df, names):
    """The text key of a row from the given columns (all of them when none), joined by a unit separator."""
    names = names or df.columns
    return F.concat_ws("\u001f", *[key_text(df, n) for n in names]) if names else F.lit("")


def seeded_unit(seed, key):
    """A number in [0, 1) from md5 of the seed and the key: the digest's first 8 bytes, little-endian, over 2^64."""
    digest = F.md5(F.concat(F.lit(str(seed) + ":"), key))
    little_endian = F.concat(*[F.substring(digest, 15 - 2 * i, 2) for i in range(8)])
    return F.conv(little_endian, 16, 10).cast("double") / float(2**64)


def joined_names(left, right):
    """Left then right columns; a name on both sides becomes <name>_0 on the left and <name>_1 on the right."""
    in_left = {name_key(n) for n in left}
    in_right = {name_key(n) for n in right}
    return (
        [n + "_0" if name_key(n) in in_right else n for n in left],
        [n + "_1" if name_key(n) in in_left else n for n in right],
    )


def output_path(args, file_name):
    """Where an export goes, and in which format: --format renames the file's extension as wrangle run does."""
    fmt = args.format or file_name.rsplit(".", 1)[-1]
    if args.format:
        file_name = file_name.rsplit(".", 1)[0] + "." + args.format
    return args.out.rstrip("/") + "/" + file_name, fmt


def check_csv_columns(df, fmt, file_name):
    """DuckDB writes a struct, list or map in a CSV cell as its own text, which Spark has no writer for: stop, saying so."""
    nested = [f for f in df.schema.fields if isinstance(f.dataType, (T.StructType, T.ArrayType, T.MapType))]
    if fmt == "csv" and nested:
        raise ValueError(f"export {file_name}: column {nested[0].name!r} holds {nested[0].dataType.simpleString()}, which Spark cannot write as CSV the way DuckDB does; write this export as Parquet or JSON (--format parquet)")


def input_path(args, name):
    if name not in args.input:
        sys.exit(f"No file given for input {name!r}: pass --input {name}=PATH (any Spark URI: s3://, gs://, abfss://, hdfs://, a local path).")
    return args.input[name]
`;
