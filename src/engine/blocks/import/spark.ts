import { pyString, pyValue, type SparkEmitter, type SparkStep } from '../../spark/contract';
import type { ImportParams } from './definition';

/** Spark's names for the encodings an import reads. */
const CHARSETS: Record<string, string> = { 'utf-8': 'UTF-8', 'utf-16': 'UTF-16', 'latin-1': 'ISO-8859-1', 'windows-1252': 'windows-1252' };

/** strptime fields and their Java DateTimeFormatter spelling: enough for the date formats the import offers. */
const DATE_FIELDS: Record<string, string> = { '%Y': 'yyyy', '%y': 'yy', '%m': 'MM', '%d': 'dd', '%H': 'HH', '%M': 'mm', '%S': 'ss', '%b': 'MMM', '%B': 'MMMM' };

function javaDatePattern(strptime: string): string | undefined {
  let out = '';
  for (let i = 0; i < strptime.length; i++) {
    const ch = strptime[i]!;
    if (ch === '%') {
      const field = DATE_FIELDS[strptime.slice(i, i + 2)];
      if (!field) return undefined;
      out += field;
      i++;
    } else if (/[A-Za-z']/.test(ch)) out += `'${ch === "'" ? "''" : ch}'`;
    else out += ch;
  }
  return out;
}

function csvRead(p: ImportParams, unsupported: Parameters<SparkEmitter<ImportParams>>[0]['unsupported']): string[] {
  const d = p.csv;
  const skipRows = d.skipRows ?? 0;
  const headerRows = d.header === false ? 1 : (d.headerRows ?? 1);
  const byLines = skipRows > 0 || headerRows > 1;
  if (byLines && d.encoding !== undefined && d.encoding !== 'utf-8') {
    throw unsupported(`csv.encoding "${d.encoding}" with lines to skip`, 'the CSV dialect', 'the lines are picked from the text read as UTF-8');
  }
  const quote = d.quote ?? '"';
  const options: Record<string, string | boolean> = {
    header: d.header ?? true,
    sep: d.delimiter ?? (p.format === 'tsv' ? '\t' : ','),
    // DuckDB's default escape is the quote itself ("" inside quotes); Spark's is a backslash.
    quote: quote === '' ? '\u0000' : quote,
    escape: d.escape ?? (quote === '' ? '\\' : quote),
    inferSchema: true,
    mode: d.badRows === 'fail' ? 'FAILFAST' : d.badRows === 'reject' ? 'DROPMALFORMED' : 'PERMISSIVE',
  };
  if (d.nullString !== undefined) options.nullValue = d.nullString;
  if (d.encoding !== undefined) options.encoding = CHARSETS[d.encoding] ?? d.encoding;
  if (d.dateFormat !== undefined) {
    options.dateFormat = javaDatePattern(d.dateFormat) ?? (() => { throw unsupported(`csv.dateFormat "${d.dateFormat}"`, 'the CSV dialect', 'only %Y %y %m %d %H %M %S %b %B translate'); })();
  }
  return [
    `options = ${pyValue(options)}`,
    `text_columns = ${pyValue(d.textColumns ?? [])}`,
    'path = input_path(args, INPUTS_BY_BLOCK)'.replace('INPUTS_BY_BLOCK', pyString(p.input)),
    ...(byLines ? linesOfTable(skipRows, headerRows, d.header !== false) : []),
    '# Spark infers int and float where DuckDB reads BIGINT and DOUBLE: the schema is widened to match, and the',
    '# columns the block reads as text stay text.',
    'inferred = spark.read.options(**options).csv(path).schema',
    'fields = []',
    'for field in inferred.fields:',
    '    data_type = field.dataType',
    '    if field.name in text_columns:',
    '        data_type = T.StringType()',
    '    elif isinstance(data_type, T.IntegerType):',
    '        data_type = T.LongType()',
    '    elif isinstance(data_type, T.FloatType):',
    '        data_type = T.DoubleType()',
    '    fields.append(T.StructField(field.name, data_type, True))',
    'options = {k: v for k, v in options.items() if k != "inferSchema"}',
    'df = spark.read.options(**options).schema(T.StructType(fields)).csv(path)',
    ...(d.header === false
      ? ['# DuckDB names the columns of a file without a header column0, column1, … (zero-padded to one width).', 'width = len(str(len(df.columns) - 1))', 'df = df.toDF(*[f"column{i:0{width}d}" for i in range(len(df.columns))])']
      : []),
  ];
}

/**
 * The lines the CSV reader gets when some are not data: the lines before the header (`skipRows`, then blank lines, as
 * DuckDB's import finds the header) and the header rows under the first, whose names are the columns'.
 */
function linesOfTable(skipRows: number, headerRows: number, header: boolean): string[] {
  return [
    `# The file's lines by number: ${skipRows} skipped before the ${header ? 'header' : 'data'}${headerRows > 1 ? `, and the ${headerRows - 1} header rows under the first` : ''}.`,
    'numbered = spark.sparkContext.textFile(path).zipWithIndex()',
    ...(header
      ? [
          `header_at = numbered.filter(lambda line: line[1] >= ${skipRows} and line[0].strip() != "").map(lambda line: line[1]).min()`,
          `path = numbered.filter(lambda line: line[1] == header_at or line[1] >= header_at + ${headerRows}).map(lambda line: line[0])`,
        ]
      : [`path = numbered.filter(lambda line: line[1] >= ${skipRows}).map(lambda line: line[0])`]),
  ];
}

function jsonRead(p: ImportParams): string[] {
  const multiLine = p.format === 'json';
  return [
    `path = input_path(args, ${pyString(p.input)})`,
    `df = spark.read.option("multiLine", ${multiLine ? 'True' : 'False'}).json(path)`,
    '# Spark orders inferred JSON fields by name; DuckDB keeps the order of the first record.',
    'head = "\\n".join(spark.sparkContext.textFile(path).take(1000)).lstrip().lstrip("[").lstrip()',
    'first, _ = json.JSONDecoder(object_pairs_hook=lambda pairs: [k for k, _ in pairs]).raw_decode(head)',
    'df = df.select(*[col(n) for n in first if n in df.columns], *[col(n) for n in df.columns if n not in first])',
    'for field in df.schema.fields:',
    '    if isinstance(field.dataType, T.IntegerType):',
    '        df = df.withColumn(field.name, col(field.name).cast("long"))',
    '# DuckDB reads text that is always a date (%Y-%m-%d) as DATE; Spark leaves it text.',
    'text = [f.name for f in df.schema.fields if isinstance(f.dataType, T.StringType)]',
    'if text:',
    '    not_dates = df.agg(*[F.sum((col(n).isNotNull() & ~col(n).rlike(r"^\\d{4}-\\d{2}-\\d{2}$")).cast("int")).alias(n) for n in text]).first()',
    '    has_values = df.agg(*[F.count(col(n)).alias(n) for n in text]).first()',
    '    for n in text:',
    '        if not_dates[n] == 0 and has_values[n] > 0:',
    '            df = df.withColumn(n, F.to_date(col(n)))',
  ];
}

/** An import: Spark's reader of the format with the block's dialect, the file from `--input NAME=PATH`. */
export const importSpark: SparkEmitter<ImportParams> = ({ params: p, unsupported }): SparkStep => {
  const s = p.sampling;
  let body: string[];
  if (p.format === 'parquet') body = [`df = spark.read.parquet(input_path(args, ${pyString(p.input)}))`];
  else if (p.format === 'json' || p.format === 'jsonl') body = jsonRead(p);
  else body = csvRead(p, unsupported);
  if (s.mode === 'fraction') body.push('file_columns = df.columns');
  if (p.rowNumber !== undefined) {
    body.push(
      '# 1-based position in the file: a single file is read in order, and the ids grow with it.',
      `df = df.withColumn(${pyString(p.rowNumber)}, F.row_number().over(Window.orderBy(F.monotonically_increasing_id())).cast("long"))`,
    );
  }
  if (s.mode === 'first') body.push(`df = df.limit(${s.rows})`);
  if (s.mode === 'fraction') {
    body.push(
      "# A seeded fraction: each row's md5 unit from the file's columns, as the DuckDB compiler keys it.",
      `df = df.where(seeded_unit(${s.seed}, row_key(df, file_columns)) < ${s.fraction})`,
    );
  }
  return { body: [...body, 'return df'] };
};
