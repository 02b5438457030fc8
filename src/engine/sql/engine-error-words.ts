import { closestName } from './closest-name';
import { caretOffset, findName, lastToken, tokenAt, type TextRange } from './error-location';

/**
 * DuckDB's binder, catalog, conversion and parser errors about a user's expression or query, rewritten in the
 * user's words: "Referenced column "ratng" not found in FROM clause! Candidate bindings: …" becomes
 * "No column `ratng`. Did you mean `rating`?", with the range of the user's text it is about.
 */
export interface UserText {
  /** What the user wrote. */
  text: string;
  /** What it is, for sentences: `expression`, `condition`, `query`. */
  noun: string;
  /** The columns it can read (the input's; every input's for a query), for "Did you mean". */
  columns: readonly string[];
}

export interface Explained {
  sentence: string;
  /** The part of the user's text the problem is in, when DuckDB says where. */
  range?: TextRange;
  /** A typo (the parser's verdict) rather than a name or type that does not fit. */
  syntax: boolean;
}

const code = (name: string) => `\`${name}\``;

/** `a`, `b` and 10 more: the columns a sentence lists when no name is close. */
function someColumns(columns: readonly string[]): string {
  const shown = columns.slice(0, 12).map(code).join(', ');
  return columns.length > 12 ? `${shown} and ${columns.length - 12} more` : shown;
}

/** DuckDB's candidates, when the host knows no columns: `"a", "t.b"` → a, b. */
function candidates(message: string): string[] {
  const m = /Candidate bindings: ([^\n]*)/.exec(message);
  return m ? [...m[1]!.matchAll(/"([^"]+)"/g)].map((c) => c[1]!.replace(/^.*\./, '')) : [];
}

/** The range DuckDB's caret points at, as a whole token; else where `name` is written. */
function rangeOf(message: string, user: UserText, name?: string): TextRange | undefined {
  const at = caretOffset(message, user.text);
  if (at !== undefined) return tokenAt(user.text, at);
  return name === undefined ? undefined : findName(user.text, name);
}

function missingColumn(name: string, message: string, user: UserText, table?: string): string {
  const known = user.columns.length > 0 ? user.columns : candidates(message);
  const close = closestName(name, known.filter((c) => c.toLowerCase() !== name.toLowerCase()));
  const where = table === undefined ? '' : ` in ${code(table)}`;
  if (close !== undefined) return `No column ${code(name)}${where}. Did you mean ${code(close)}?`;
  return known.length > 0 ? `No column ${code(name)}${where}. The columns are ${someColumns(known)}.` : `No column ${code(name)}${where}.`;
}

type Rule = (m: RegExpExecArray, message: string, user: UserText) => Explained;

/** Binder, catalog and conversion errors, by the first line of DuckDB's message (its `X Error: ` prefix removed). */
const RULES: [RegExp, Rule][] = [
  [
    /^Referenced column "(.+)" not found in FROM clause!/,
    (m, message, user) => ({ sentence: missingColumn(m[1]!, message, user), range: rangeOf(message, user, m[1]), syntax: false }),
  ],
  [
    /^(?:Table|Values list) "(.+)" does not have a column named "(.+)"/,
    (m, message, user) => ({ sentence: missingColumn(m[2]!, message, user, m[1]), range: rangeOf(message, user, m[2]), syntax: false }),
  ],
  [
    /^Referenced table "(.+)" not found!/,
    (m, message, user) => ({
      sentence:
        user.noun === 'query'
          ? `No table ${code(m[1]!)}: the query reads its inputs by their names.`
          : `No table ${code(m[1]!)} here: the ${user.noun} reads the columns of its own row, each by its name alone.`,
      range: rangeOf(message, user, m[1]),
      syntax: false,
    }),
  ],
  [
    /^Ambiguous reference to column name "(.+?)"/,
    (m, message, user) => ({ sentence: `Column ${code(m[1]!)} is in more than one input: put the table's name before it, as in df.${m[1]}.`, range: rangeOf(message, user, m[1]), syntax: false }),
  ],
  [
    // DuckDB lexes a run of operator characters (`+*`) as one unknown operator: a typo, not a missing function.
    /^(?:Scalar )?Function with name ([-+*/%<>=!~^&|@#]+) does not exist/,
    (m, message, user) => ({ sentence: `${code(m[1]!)} is not an operator: check the signs between the values.`, range: rangeOf(message, user, m[1]), syntax: true }),
  ],
  [
    // DuckDB's own "Did you mean" is left out: the studio's engine has fewer functions built in than the CLI's, so
    // its suggestion would differ between the two.
    /^(?:Scalar |Aggregate |Table |Macro )?Function with name "?([^"\s!]+)"? does not exist!/,
    (m, message, user) => ({
      sentence: `No function ${code(m[1]!)}: check its name.`,
      range: rangeOf(message, user, m[1]),
      syntax: false,
    }),
  ],
  [
    /^No function matches the given name and argument types '([^(]+)\((.*)\)'/,
    (m, message, user) => ({
      sentence: `${code(m[1]!)} does not take ${m[2] ? `(${m[2]})` : 'no values'}: cast the values to the types it takes, as in CAST(x AS VARCHAR).`,
      range: rangeOf(message, user, m[1]),
      syntax: false,
    }),
  ],
  [
    /^Cannot compare values of type (\S+) and type (\S+)/,
    (m, message, user) => ({
      sentence: `A ${m[1]} cannot be compared with a ${m[2]}: cast one side to the other's type, as in CAST(x AS ${m[1]}).`,
      range: rangeOf(message, user),
      syntax: false,
    }),
  ],
  [
    /^Could not convert string '(.*)' to (\S+)/,
    (m, message, user) => ({
      sentence: `The text '${m[1]}' cannot be read as ${m[2]}: compare or combine it with a value of its own type, or quote a number without quotes.`,
      range: rangeOf(message, user) ?? findQuoted(user.text, m[1]!),
      syntax: false,
    }),
  ],
  [
    /^column "(.+)" must appear in the GROUP BY clause/,
    (m, message, user) => ({
      sentence:
        user.noun === 'query'
          ? `Column ${code(m[1]!)} must be grouped or aggregated: add it to GROUP BY, or wrap it, as in any_value(${m[1]}).`
          : `An aggregate (count, sum, avg…) gives one value for many rows, and the ${user.noun} gives one per row: add OVER () to compute it over all rows, or use an Aggregate block.`,
      range: rangeOf(message, user),
      syntax: false,
    }),
  ],
];

/**
 * The token the parser stopped at. Its position counts characters for ASCII text but not after a non-ASCII character
 * (DuckDB 1.4), so where the text there is not the token, the occurrence of the token nearest to it is taken.
 */
function nearToken(text: string, token: string, at: number | undefined): TextRange | undefined {
  if (at !== undefined && token !== '' && text.startsWith(token, at)) return tokenAt(text, at);
  const found: number[] = [];
  for (let i = token === '' ? -1 : text.indexOf(token); i >= 0; i = text.indexOf(token, i + 1)) found.push(i);
  if (found.length === 0) return at === undefined ? undefined : tokenAt(text, at);
  const nearest = found.reduce((a, b) => (Math.abs(b - (at ?? 0)) < Math.abs(a - (at ?? 0)) ? b : a));
  return { from: nearest, to: nearest + token.length };
}

function findQuoted(text: string, value: string): TextRange | undefined {
  const literal = `'${value.replace(/'/g, "''")}'`;
  const at = text.indexOf(literal);
  return at < 0 ? undefined : { from: at, to: at + literal.length };
}

/** The first line of DuckDB's message without its `X Error: ` prefix: what is left to say when no rule fits. */
function firstLine(message: string): string {
  return message.replace(/^[A-Za-z ]*Error:\s*/, '').split('\n')[0]!.trim();
}

/** A binder, catalog or conversion error at run time, rewritten; undefined for an error that is not about the text. */
export function explainEngineError(message: string, user: UserText): Explained | undefined {
  const kind = /^(Binder|Catalog|Conversion|Parser) Error/i.exec(message)?.[1]?.toLowerCase();
  if (kind === undefined) return undefined;
  if (kind === 'parser') return explainSyntaxError(message.replace(/^Parser Error:\s*/i, '').split('\n')[0]!, caretOffset(message, user.text), user);
  const line = message.replace(/^[A-Za-z ]*Error:\s*/, '');
  for (const [pattern, rule] of RULES) {
    const m = pattern.exec(line);
    if (m) return rule(m, message, user);
  }
  return { sentence: `${firstLine(message)}.`.replace(/([.!?])\.$/, '$1'), range: rangeOf(message, user), syntax: false };
}

/**
 * The parser's verdict on the user's text, rewritten: `syntax error at end of input` becomes "The expression ends too
 * early: something is missing after `+`". `at` is the offset in the user's text the parser stopped at.
 */
export function explainSyntaxError(parserMessage: string, at: number | undefined, user: UserText): Explained {
  const { text, noun } = user;
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  if (/^syntax error at end of input/i.test(parserMessage)) {
    const last = lastToken(text);
    if (!last) return { sentence: `The ${noun} is empty: write one.`, syntax: true };
    return { sentence: `The ${noun} ends too early: something is missing after ${code(text.slice(last.from, last.to))}.`, range: last, syntax: true };
  }
  const near = /^syntax error at or near "(.*)"/i.exec(parserMessage);
  if (near) {
    const range = nearToken(text, near[1]!, at);
    return { sentence: `${code(near[1]!)} is out of place here: check what comes just before it.`, ...(range ? { range } : {}), syntax: true };
  }
  const unterminated = /^unterminated (quoted string|quoted identifier|\/\* comment|dollar-quoted string)/i.exec(parserMessage);
  if (unterminated) {
    const what = {
      'quoted string': "A text opened with ' is never closed: add the closing '.",
      'quoted identifier': 'A name opened with " is never closed: add the closing ".',
      '/* comment': 'A comment opened with /* is never closed: add */.',
      'dollar-quoted string': 'A text opened with $$ is never closed: add the closing $$.',
    }[unterminated[1]!.toLowerCase()]!;
    return { sentence: what, ...(at !== undefined ? { range: { from: at, to: text.length } } : {}), syntax: true };
  }
  const range = at === undefined ? undefined : tokenAt(text, at);
  return { sentence: `${Noun} cannot be read: ${parserMessage.replace(/\s*\(position \d+\)$/, '')}.`, ...(range ? { range } : {}), syntax: true };
}
