import { parseSparkExpression } from './spark-sql-parse';
import { newNotes, type TranslationNotes } from './notes';
import { toDuckDb } from './to-duckdb';

/** A Spark SQL expression translated to DuckDB, with what the translation noted. Throws a TranslationError. */
export function translateSparkExpression(spark: string, notes: TranslationNotes = newNotes()): { sql: string; notes: TranslationNotes } {
  return { sql: toDuckDb(parseSparkExpression(spark), notes), notes };
}
