import { pyString, pyValue, type SparkEmitter } from '../../spark/contract';
import type { ExportParams } from './definition';

/**
 * An export: the same rows written under `--out` (Spark writes a folder of part files named like the file), in the
 * block's format or `--format`. `order: all` sorts by every column, ascending, NULLs last, as DuckDB's ORDER BY ALL:
 * Spark carries no row identity, so where DuckDB writes a flow's rows in their files' order (row-identity.ts), a job
 * writes the same rows sorted by their values.
 * A nested column (struct, list, map) stops a CSV export: DuckDB writes its own text for it, Spark has no CSV form.
 */
export const exportSpark: SparkEmitter<ExportParams> = ({ params: p }) => {
  const body = [`path, fmt = output_path(args, ${pyString(p.file)})`];
  if (p.format === 'csv' && p.spreadsheetSafe) {
    body.push(
      '# Text a spreadsheet would run as a formula gets a leading quote (CSV only).',
      'if fmt == "csv":',
      '    text = [f.name for f in df.schema.fields if isinstance(f.dataType, T.StringType)]',
      `    df = df.select(*[F.when(col(c).rlike(${pyString('^[=+\\-@\\t\\r]')}), F.concat(F.lit("'"), col(c))).otherwise(col(c)).alias(c) if c in text else col(c) for c in df.columns])`,
    );
  }
  if (p.order === 'all') body.push('df = df.orderBy(*[col(c).asc_nulls_last() for c in df.columns])');
  body.push(
    'check_csv_columns(df, fmt, path)',
    'writer = df.write.mode("overwrite" if args.force else "errorifexists")',
    'if fmt == "csv":',
    `    writer.options(**${pyValue({ header: p.header, sep: p.delimiter, quote: '"', escape: '"' })}).csv(path)`,
    'elif fmt == "json":',
    '    writer.option("ignoreNullFields", False).json(path)',
    'else:',
    '    writer.parquet(path)',
    'return None',
  );
  return { body };
};
