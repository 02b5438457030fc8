/**
 * What DuckDB's own parser says about a SQL text, read without running it. Each SqlRunner produces this from the
 * parser facility its engine has (see `SqlRunner.outline`); the engine's policy (user-sql-guard.ts) judges it. It
 * crosses the seam as plain data.
 */

/** A name the parser found, and where: a 0-based index into the JavaScript string that was outlined. */
export interface SqlName {
  name: string;
  position: number;
}

export type SqlOutline =
  | {
      ok: false;
      /** The engine's message, led by its error type as the runners report errors: `Parser Error: …`. */
      message: string;
      position?: number;
    }
  | {
      ok: true;
      /** Functions called (scalar, aggregate and table functions), lower case, at the position of their name. */
      calls: SqlName[];
      /** Other identifiers and text literals (columns, tables, schemas, aliases, strings), as written. */
      names: SqlName[];
      /**
       * Tables read by name that are not the query's own CTEs, as the engine resolves them: a quoted file name in
       * FROM (`'x.csv'`, a replacement scan) is one. A qualified name keeps its qualifier: `main.t`.
       */
      relations: SqlName[];
    };

/** The message DuckDB's parser gives for text that is not exactly one statement, the same from every runner. */
export const NOT_ONE_STATEMENT = 'Parser Error: expected exactly one statement';

/**
 * DuckDB reports positions as byte offsets into the UTF-8 text; the engine speaks of string indices. Returns the
 * index of the character that starts at (or contains) `byteOffset`.
 */
export function charIndexOfUtf8Offset(text: string, byteOffset: number): number {
  let bytes = 0;
  let i = 0;
  while (i < text.length && bytes < byteOffset) {
    const code = text.codePointAt(i)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    i += code >= 0x10000 ? 2 : 1;
  }
  return i;
}
