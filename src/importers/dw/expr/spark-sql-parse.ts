import { TranslationError, type BinaryOp, type Expr } from './ast';

type Token =
  | { k: 'num'; v: string; at: number }
  | { k: 'str'; v: string; at: number }
  | { k: 'id'; v: string; quoted: boolean; at: number }
  | { k: 'op'; v: string; at: number }
  | { k: 'end'; v: ''; at: number };

const OPERATORS = ['<=>', '<=', '>=', '<>', '!=', '==', '||', '&&', '=', '<', '>', '+', '-', '*', '/', '%', '(', ')', ',', '.', '&', '|', '^', '~', '!', '[', ']'];

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', Z: '\x1a' };

/** Spark SQL tokens: `'…'` and `"…"` are strings (with backslash escapes), `` `…` `` a quoted name. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (text.startsWith('--', i)) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
      continue;
    }
    if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) throw new TranslationError(`unterminated comment at position ${i + 1}`);
      i = end + 2;
      continue;
    }
    const at = i;
    if (ch === "'" || ch === '"') {
      let value = '';
      i++;
      while (i < text.length && text[i] !== ch) {
        if (text[i] === '\\' && i + 1 < text.length) {
          const next = text[i + 1]!;
          value += ESCAPES[next] ?? next;
          i += 2;
        } else value += text[i++];
      }
      if (i >= text.length) throw new TranslationError(`unterminated string at position ${at + 1}`);
      i++;
      tokens.push({ k: 'str', v: value, at });
      continue;
    }
    if (ch === '`') {
      let name = '';
      i++;
      while (i < text.length) {
        if (text[i] === '`') {
          if (text[i + 1] === '`') {
            name += '`';
            i += 2;
            continue;
          }
          break;
        }
        name += text[i++];
      }
      if (i >= text.length) throw new TranslationError(`unterminated quoted name at position ${at + 1}`);
      i++;
      tokens.push({ k: 'id', v: name, quoted: true, at });
      continue;
    }
    const number = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?(BD|[LSYDF])?(?![A-Za-z0-9_])/i.exec(text.slice(i));
    if (number) {
      tokens.push({ k: 'num', v: number[0], at });
      i += number[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (word) {
      tokens.push({ k: 'id', v: word[0], quoted: false, at });
      i += word[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (!op) throw new TranslationError(`unexpected character ${JSON.stringify(ch)} at position ${i + 1}`);
    tokens.push({ k: 'op', v: op, at });
    i += op.length;
  }
  tokens.push({ k: 'end', v: '', at: text.length });
  return tokens;
}

const COMPARISONS: Record<string, BinaryOp> = { '=': '=', '==': '=', '<=>': '<=>', '!=': '!=', '<>': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

/** Binding power of each infix operator: higher binds tighter, as in Spark's grammar. */
const INFIX: Record<string, { power: number; op: BinaryOp }> = {
  or: { power: 1, op: 'or' },
  and: { power: 2, op: 'and' },
  '&&': { power: 2, op: 'and' },
  '|': { power: 5, op: '|' },
  '^': { power: 6, op: '^' },
  '&': { power: 7, op: '&' },
  '+': { power: 8, op: '+' },
  '-': { power: 8, op: '-' },
  '||': { power: 8, op: '||' },
  '*': { power: 9, op: '*' },
  '/': { power: 9, op: '/' },
  '%': { power: 9, op: '%' },
  div: { power: 9, op: 'div' },
};
const COMPARISON_POWER = 4;
const PREFIX_NOT_POWER = 3;
const UNARY_POWER = 10;

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
  ) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const t = this.peek();
    if (t.k !== 'end') this.i++;
    return t;
  }

  /** Is the next token this keyword (case-insensitive) or operator? */
  private is(word: string, offset = 0): boolean {
    const t = this.peek(offset);
    return (t.k === 'id' && !t.quoted && t.v.toLowerCase() === word) || (t.k === 'op' && t.v === word);
  }

  private accept(word: string): boolean {
    if (!this.is(word)) return false;
    this.i++;
    return true;
  }

  private expect(word: string): void {
    if (!this.accept(word)) this.error(`expected ${word.toUpperCase()}`);
  }

  private error(what: string): never {
    const t = this.peek();
    const found = t.k === 'end' ? 'the end' : JSON.stringify(this.source.slice(t.at, t.at + 20));
    throw new TranslationError(`${what} at position ${t.at + 1}, found ${found}`);
  }

  parseAll(): Expr {
    const e = this.expression(0);
    if (this.peek().k !== 'end') this.error('unexpected text after the expression');
    return e;
  }

  expression(minPower: number): Expr {
    let left = this.prefix();
    for (;;) {
      const t = this.peek();
      const word = t.k === 'id' && !t.quoted ? t.v.toLowerCase() : t.k === 'op' ? t.v : '';
      const infix = INFIX[word];
      if (infix && infix.power > minPower) {
        this.next();
        left = { t: 'bin', op: infix.op, left, right: this.expression(infix.power) };
        continue;
      }
      if (COMPARISON_POWER > minPower) {
        const predicate = this.predicate(left);
        if (predicate) {
          left = predicate;
          continue;
        }
      }
      return left;
    }
  }

  /** Comparisons and the postfix predicates (IS NULL, IN, BETWEEN, LIKE), which do not chain. */
  private predicate(left: Expr): Expr | undefined {
    const t = this.peek();
    const comparison = t.k === 'op' ? COMPARISONS[t.v] : undefined;
    if (comparison) {
      this.next();
      return { t: 'bin', op: comparison, left, right: this.expression(COMPARISON_POWER) };
    }
    if (this.accept('is')) {
      const not = this.accept('not');
      if (this.accept('null')) return { t: 'isnull', e: left, not };
      if (this.accept('true') || this.accept('false')) {
        const value = this.tokens[this.i - 1]!.v.toLowerCase() === 'true';
        const test: Expr = { t: 'bin', op: '<=>', left, right: { t: 'bool', value } };
        return not ? { t: 'unary', op: 'not', e: test } : test;
      }
      this.error('expected NULL, TRUE or FALSE after IS');
    }
    const negated = this.is('not') && ['in', 'between', 'like', 'ilike', 'rlike', 'regexp'].some((w) => this.is(w, 1));
    if (negated) this.next();
    if (this.accept('in')) {
      this.expect('(');
      const list = this.list(')');
      return { t: 'in', e: left, list, not: negated };
    }
    if (this.accept('between')) {
      const low = this.expression(COMPARISON_POWER);
      this.expect('and');
      const high = this.expression(COMPARISON_POWER);
      return { t: 'between', e: left, low, high, not: negated };
    }
    for (const op of ['like', 'ilike', 'rlike', 'regexp'] as const) {
      if (this.accept(op)) {
        return { t: 'like', op: op === 'regexp' ? 'rlike' : op, e: left, pattern: this.expression(COMPARISON_POWER), not: negated };
      }
    }
    if (negated) this.error('expected IN, BETWEEN or LIKE after NOT');
    return undefined;
  }

  private list(close: string): Expr[] {
    const items: Expr[] = [];
    if (this.accept(close)) return items;
    do items.push(this.expression(0));
    while (this.accept(','));
    this.expect(close);
    return items;
  }

  private prefix(): Expr {
    const t = this.next();
    if (t.k === 'num') return { t: 'num', text: t.v };
    if (t.k === 'str') {
      // Adjacent literals concatenate, as in Spark: 'a' 'b' is 'ab'.
      let value = t.v;
      while (this.peek().k === 'str') value += this.next().v;
      return { t: 'str', value };
    }
    if (t.k === 'op') {
      if (t.v === '(') {
        const e = this.expression(0);
        this.expect(')');
        return e;
      }
      if (t.v === '-' || t.v === '+' || t.v === '~') {
        const e = this.expression(UNARY_POWER);
        return t.v === '+' ? e : { t: 'unary', op: t.v, e };
      }
      if (t.v === '!') return { t: 'unary', op: 'not', e: this.expression(PREFIX_NOT_POWER) };
      if (t.v === '*') return { t: 'star' };
      this.i--;
      this.error('expected a value');
    }
    if (t.k === 'end') this.error('expected a value');
    if (t.k === 'id' && t.quoted) return this.qualified(t.v);
    const word = t.v.toLowerCase();
    if (word === 'null') return { t: 'null' };
    if (word === 'true' || word === 'false') return { t: 'bool', value: word === 'true' };
    if (word === 'not') return { t: 'unary', op: 'not', e: this.expression(PREFIX_NOT_POWER) };
    if (word === 'case') return this.caseExpression();
    if ((word === 'cast' || word === 'try_cast') && this.is('(')) return this.castExpression();
    if (word === 'extract' && this.is('(')) return this.extractExpression();
    if (word === 'interval') this.error('INTERVAL literals are not translated');
    if ((word === 'current_date' || word === 'current_timestamp') && !this.is('(')) return { t: 'call', name: word, args: [] };
    if (this.is('(')) return this.callExpression(word);
    return this.qualified(t.v);
  }

  /** `a.b.c` names column c (a table or struct prefix is dropped). */
  private qualified(first: string): Expr {
    let name = first;
    while (this.is('.') && this.peek(1).k === 'id') {
      this.next();
      name = this.next().v;
    }
    return { t: 'col', name };
  }

  private callExpression(name: string): Expr {
    this.expect('(');
    const distinct = this.accept('distinct');
    const args = this.list(')');
    return distinct ? { t: 'call', name, args, distinct } : { t: 'call', name, args };
  }

  private caseExpression(): Expr {
    const operand = this.is('when') ? undefined : this.expression(0);
    const whens: { when: Expr; then: Expr }[] = [];
    while (this.accept('when')) {
      const when = this.expression(0);
      this.expect('then');
      whens.push({ when, then: this.expression(0) });
    }
    if (whens.length === 0) this.error('expected WHEN');
    const otherwise = this.accept('else') ? this.expression(0) : undefined;
    this.expect('end');
    return { t: 'case', ...(operand && { operand }), whens, ...(otherwise && { otherwise }) };
  }

  private castExpression(): Expr {
    this.expect('(');
    const e = this.expression(0);
    this.expect('as');
    const type = this.typeName();
    this.expect(')');
    return { t: 'cast', e, type };
  }

  private typeName(): string {
    const t = this.next();
    if (t.k !== 'id') this.error('expected a type name');
    let type = t.v.toLowerCase();
    if (this.accept('(')) {
      const parts: string[] = [];
      do {
        const n = this.next();
        if (n.k !== 'num') this.error('expected a number in the type');
        parts.push(n.v);
      } while (this.accept(','));
      this.expect(')');
      type += `(${parts.join(',')})`;
    }
    return type;
  }

  private extractExpression(): Expr {
    this.expect('(');
    const field = this.next();
    if (field.k !== 'id') this.error('expected a date part');
    this.expect('from');
    const e = this.expression(0);
    this.expect(')');
    return { t: 'extract', field: field.v.toLowerCase(), e };
  }
}

/** Parses a Spark SQL expression (a custom formula, a filter condition) into an expression tree. */
export function parseSparkExpression(text: string): Expr {
  if (text.trim() === '') throw new TranslationError('the expression is empty');
  return new Parser(tokenize(text), text).parseAll();
}
