import { quoteIdent, quoteLiteral } from '../../../engine/sql/quote';
import { TranslationError } from '../expr/ast';
import { newNotes } from '../expr/notes';
import { toDuckDb } from '../expr/to-duckdb';
import { chain, draft, type DraftBlock, type NodeContext, type NodeTranslation } from '../drafts';
import { shortOperator } from '../dw-flow';
import { relationSql } from '../pyspark/dataframe';
import { translatePySpark } from '../pyspark/evaluate';
import type { PlanStep } from '../pyspark/values';
import { modeParameters, textParam } from './params';

/** The code of a custom step and its language, from any of the operator's versions. */
export function customCode(ctx: NodeContext): { language: 'pyspark' | 'sql' | 'pandas' | 'udf'; code: string } {
  const op = shortOperator(ctx.node.operator);
  const p = ctx.node.parameters;
  const mode = typeof p.operator === 'string' ? p.operator : '';
  const inner = mode ? modeParameters(p, mode) : p;
  const code = textParam(inner, 'code', 'sql', 'query') ?? textParam(p, 'code', 'sql', 'query');
  if (code === undefined) throw new TranslationError('the custom step holds no code');
  const what = `${op} ${mode}`.toLowerCase();
  if (/pandas/.test(what)) return { language: 'pandas', code };
  if (/user.defined|udf/.test(what)) return { language: 'udf', code };
  if (/sql/.test(what) && !/pyspark\)/.test(what)) return { language: 'sql', code };
  return { language: 'pyspark', code };
}

/**
 * Spark SQL text as DuckDB reads it: `"…"` is a string in Spark but a name in DuckDB, `` `…` `` a name, and strings
 * use backslash escapes. Everything else passes through unchanged.
 */
export function sparkSqlToDuckDb(sql: string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (ch === "'" || ch === '"' || ch === '`') {
      let value = '';
      let j = i + 1;
      while (j < sql.length && sql[j] !== ch) {
        if (ch !== '`' && sql[j] === '\\' && j + 1 < sql.length) {
          value += sql[j + 1];
          j += 2;
        } else value += sql[j++];
      }
      if (j >= sql.length) throw new TranslationError(`unterminated ${ch === '`' ? 'quoted name' : 'string'} in the SQL`);
      out += ch === '`' ? quoteIdent(value) : quoteLiteral(value);
      i = j + 1;
      continue;
    }
    const comment = sql.startsWith('--', i) ? sql.indexOf('\n', i) : sql.startsWith('/*', i) ? sql.indexOf('*/', i) + 2 : -2;
    if (comment !== -2) {
      const end = comment <= 0 ? sql.length : comment;
      out += sql.slice(i, end);
      i = end;
      continue;
    }
    out += ch;
    i++;
  }
  return out.trim().replace(/;+\s*$/, '');
}

/** PySpark plan steps as blocks: runs of SELECT steps fold into one SQL block; withColumn is a formula block. */
function planBlocks(ctx: NodeContext, steps: PlanStep[], notes: ReturnType<typeof newNotes>, label: string): DraftBlock[] {
  const blocks: DraftBlock[] = [];
  let run: PlanStep[] = [];
  const flush = () => {
    if (run.length === 0) return;
    blocks.push(draft(ctx, 'sql', { query: relationSql({ v: 'df', id: -1, steps: run }) }, { label }));
    run = [];
  };
  for (const step of steps) {
    if (step.op === 'select') {
      run.push(step);
      continue;
    }
    flush();
    blocks.push(draft(ctx, 'formula', { column: step.column, expression: toDuckDb(step.expr, notes) }, { label: `withColumn ${step.column}` }));
  }
  flush();
  if (blocks.length === 0) blocks.push(draft(ctx, 'sql', { query: 'SELECT * FROM df' }, { label }));
  return blocks;
}

/** Custom code: PySpark DataFrame chains become SQL and formula blocks; Spark SQL passes through; pandas and UDFs cannot run. */
export function translateCustomCode(ctx: NodeContext): NodeTranslation {
  const { language, code } = customCode(ctx);
  const label = ctx.node.name ?? 'Custom code';
  if (language === 'pandas') throw new TranslationError('pandas code cannot run in Wrangle; rewrite it as SQL or blocks');
  if (language === 'udf') throw new TranslationError('Python user-defined functions cannot run in Wrangle; rewrite it as a formula');
  if (language === 'sql') {
    const block = draft(ctx, 'sql', { query: sparkSqlToDuckDb(code) }, { label, note: `Spark SQL:\n${code}` });
    return chain(ctx, [block], 'translated', 'Spark SQL over df, passed to a SQL block (quotes adjusted; function names are DuckDB\'s)');
  }
  const notes = newNotes();
  const { steps } = translatePySpark(code, notes);
  const blocks = planBlocks(ctx, steps, notes, label);
  blocks[0]!.description = `${blocks[0]!.description ?? ''}\nPySpark:\n${code}`.slice(0, 10_000);
  const approximations = [...notes.approximations];
  const kinds = blocks.map((b) => b.kind).join(' → ');
  return chain(ctx, blocks, approximations.length > 0 ? 'approximated' : 'translated', [`PySpark translated to ${kinds}`, ...approximations].join('; '), [...notes.nondeterministic]);
}
