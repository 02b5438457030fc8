import { quoteIdent, quoteLiteral } from '../../../engine/sql/quote';
import { TranslationError } from '../expr/ast';
import { newNotes } from '../expr/notes';
import { translateSparkExpression } from '../expr/translate-expression';
import { chain, draft, type NodeContext, type NodeTranslation } from '../drafts';
import { inputColumns, modeOf, modeParameters, numberParam, requireText, textParam } from './params';

/** `custom_formula`: a formula block with the Spark SQL expression translated to DuckDB. */
export function translateCustomFormula(ctx: NodeContext): NodeTranslation {
  const p = ctx.node.parameters;
  const column = requireText(p, 'output_column', 'the output column');
  const formula = requireText(p, 'formula', 'the formula');
  const notes = newNotes();
  const { sql } = translateSparkExpression(formula, notes);
  const approximations = [...notes.approximations];
  const block = draft(ctx, 'formula', { column, expression: sql }, { label: `${column} = ${formula}`, note: `Spark SQL: ${formula}` });
  const detail = [`formula ${column} = ${sql}`, ...approximations].join('; ');
  return chain(ctx, [block], approximations.length > 0 ? 'approximated' : 'translated', detail, [...notes.nondeterministic]);
}

/** The characters of a set, escaped for a regular expression character class. */
function characterClass(chars: string): string {
  return `[${[...chars].map((c) => (/[\\\]^[-]/.test(c) ? `\\${c}` : c)).join('')}]`;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

type Edit = { sql: (c: string) => string; approximate?: string };

function formatEdit(mode: string, p: Record<string, unknown>): Edit {
  const width = () => Math.trunc(numberParam(p, 'width', 'length') ?? fail('the width is missing'));
  const fill = () => quoteLiteral(textParam(p, 'fill_character', 'fill_char') ?? ' ');
  const s = (c: string) => `CAST(${c} AS VARCHAR)`;
  switch (mode.toLowerCase()) {
    case 'lower case':
      return { sql: (c) => `lower(${s(c)})` };
    case 'upper case':
      return { sql: (c) => `upper(${s(c)})` };
    case 'title case':
      return { sql: (c) => `array_to_string(list_transform(string_split(lower(${s(c)}), ' '), lambda w: upper(w[1:1]) || w[2:]), ' ')` };
    case 'capitalize':
      return { sql: (c) => `(upper(${s(c)}[1:1]) || lower(${s(c)}[2:]))` };
    case 'swap case':
      return { sql: (c) => `array_to_string(list_transform(string_split(${s(c)}, ''), lambda ch: CASE WHEN ch = upper(ch) THEN lower(ch) ELSE upper(ch) END), '')` };
    case 'left pad':
      return { sql: (c) => `lpad(${s(c)}, ${width()}, ${fill()})` };
    case 'right pad':
      return { sql: (c) => `rpad(${s(c)}, ${width()}, ${fill()})` };
    case 'center (pad on either side)':
    case 'center':
      return {
        sql: (c) => {
          const w = width();
          const len = `length(${s(c)})`;
          return `rpad(lpad(${s(c)}, ${len} + (greatest(${w}, ${len}) - ${len}) // 2, ${fill()}), greatest(${w}, ${len}), ${fill()})`;
        },
      };
    case 'strip left and right':
    case 'strip left':
    case 'strip right': {
      const fn = mode.toLowerCase() === 'strip left' ? 'ltrim' : mode.toLowerCase() === 'strip right' ? 'rtrim' : 'trim';
      const chars = textParam(p, 'characters', 'chars');
      return { sql: (c) => `${fn}(${s(c)}${chars ? `, ${quoteLiteral(chars)}` : ''})` };
    }
    case 'prepend zeros':
      return { sql: (c) => `(CASE WHEN length(${s(c)}) >= ${width()} THEN ${s(c)} ELSE lpad(${s(c)}, ${width()}, '0') END)` };
    case 'add prefix':
      return { sql: (c) => `(${quoteLiteral(requireText(p, 'prefix', 'the prefix'))} || ${s(c)})` };
    case 'add suffix':
      return { sql: (c) => `(${s(c)} || ${quoteLiteral(requireText(p, 'suffix', 'the suffix'))})` };
    case 'remove symbols':
      return { sql: (c) => `regexp_replace(${s(c)}, ${quoteLiteral(characterClass(requireText(p, 'symbols', 'the symbols')))}, '', 'g')` };
    default:
      throw new TranslationError(`the string format "${mode}" is not translated`);
  }
}

function searchEdit(mode: string, p: Record<string, unknown>): Edit {
  const pattern = () => quoteLiteral(requireText(p, 'pattern', 'the pattern'));
  const s = (c: string) => `CAST(${c} AS VARCHAR)`;
  switch (mode.toLowerCase()) {
    case 'find substring':
      return { sql: (c) => `(instr(${s(c)}, ${pattern()}) - 1)`, approximate: 'the position is 0-based, -1 when not found' };
    case 'find substring (from right)':
      return {
        sql: (c) => `(CASE WHEN instr(${s(c)}, ${pattern()}) = 0 THEN -1 ELSE length(${s(c)}) - instr(reverse(${s(c)}), reverse(${pattern()})) - length(${pattern()}) + 1 END)`,
        approximate: 'the position is 0-based, -1 when not found',
      };
    case 'matches prefix':
      return { sql: (c) => `starts_with(${s(c)}, ${pattern()})` };
    case 'find all occurrences':
      return { sql: (c) => `regexp_extract_all(${s(c)}, ${pattern()})` };
    case 'extract using regex':
      return { sql: (c) => `regexp_extract(${s(c)}, ${pattern()})` };
    case 'extract between delimiters': {
      const left = escapeRegex(requireText(p, 'left_delimiter', 'the left delimiter'));
      const right = escapeRegex(requireText(p, 'right_delimiter', 'the right delimiter'));
      return { sql: (c) => `regexp_extract(${s(c)}, ${quoteLiteral(`${left}(.*?)${right}`)}, 1)` };
    }
    case 'replace substring':
      return { sql: (c) => `regexp_replace(${s(c)}, ${pattern()}, ${quoteLiteral(textParam(p, 'replacement') ?? '')}, 'g')` };
    case 'split string by delimiter':
      return { sql: (c) => `string_split(${s(c)}, ${quoteLiteral(requireText(p, 'delimiter', 'the delimiter'))})` };
    case 'convert regex to missing':
      return { sql: (c) => `(CASE WHEN regexp_full_match(${s(c)}, ${pattern()}) THEN NULL ELSE ${c} END)` };
    default:
      throw new TranslationError(`the search-and-edit "${mode}" is not translated`);
  }
}

function fail(detail: string): never {
  throw new TranslationError(detail);
}

/** One formula block per input column, in place or into `output_column`. */
function editBlocks(ctx: NodeContext, kind: (mode: string, p: Record<string, unknown>) => Edit): NodeTranslation {
  const mode = modeOf(ctx.node.parameters);
  const p = modeParameters(ctx.node.parameters, mode);
  const edit = kind(mode, p);
  const columns = inputColumns(p);
  const output = textParam(p, 'output_column');
  const blocks = columns.map((column) => {
    const target = output && columns.length === 1 ? output : column;
    return draft(ctx, 'formula', { column: target, expression: edit.sql(quoteIdent(column)) }, { label: `${mode}: ${column}` });
  });
  const where = output && columns.length === 1 ? ` into ${output}` : ' in place';
  return chain(ctx, blocks, edit.approximate ? 'approximated' : 'translated', `${mode.toLowerCase()} of ${columns.join(', ')}${where}${edit.approximate ? `; ${edit.approximate}` : ''}`);
}

export const translateFormatString = (ctx: NodeContext): NodeTranslation => editBlocks(ctx, formatEdit);
export const translateSearchAndEdit = (ctx: NodeContext): NodeTranslation => editBlocks(ctx, searchEdit);
