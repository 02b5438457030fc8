import { TranslationError } from '../expr/ast';
import type { PyArg, PyExpr, PyStatement } from './syntax';
import { tokenizePython, type PyToken } from './tokenize';

const REFUSED_STATEMENTS = new Set(['def', 'class', 'for', 'while', 'if', 'with', 'try', 'return', 'lambda', 'global', 'del', 'raise', 'yield', 'async', 'await', 'assert']);

/** Binary operators by binding power, as in Python's grammar (comparisons are handled apart). */
const BINARY: Record<string, number> = { '|': 4, '^': 5, '&': 6, '+': 8, '-': 8, '*': 9, '/': 9, '//': 9, '%': 9, '@': 9 };
const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);

class PythonParser {
  private i = 0;
  constructor(private readonly tokens: PyToken[]) {}

  private peek(offset = 0): PyToken {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)]!;
  }
  private next(): PyToken {
    const t = this.peek();
    if (t.k !== 'end') this.i++;
    return t;
  }
  private isOp(v: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.k === 'op' && t.v === v;
  }
  private isName(v: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.k === 'name' && t.v === v;
  }
  private acceptOp(v: string): boolean {
    if (!this.isOp(v)) return false;
    this.i++;
    return true;
  }
  private acceptName(v: string): boolean {
    if (!this.isName(v)) return false;
    this.i++;
    return true;
  }
  private expectOp(v: string): void {
    if (!this.acceptOp(v)) this.error(`expected "${v}"`);
  }
  private error(what: string): never {
    const t = this.peek();
    throw new TranslationError(`line ${t.line}: ${what}${t.k === 'end' ? ' at the end' : t.k === 'newline' ? ' at the end of the line' : `, found "${t.v}"`}`);
  }
  private identifier(): string {
    const t = this.next();
    if (t.k !== 'name') {
      this.i--;
      this.error('expected a name');
    }
    return t.v;
  }
  private dotted(): string {
    let name = this.identifier();
    while (this.acceptOp('.')) name += `.${this.identifier()}`;
    return name;
  }

  program(): PyStatement[] {
    const out: PyStatement[] = [];
    while (this.peek().k !== 'end') {
      if (this.peek().k === 'newline') {
        this.next();
        continue;
      }
      out.push(this.statement());
      if (this.acceptOp(';')) continue;
      if (this.peek().k !== 'end' && this.next().k !== 'newline') {
        this.i--;
        this.error('expected the end of the statement');
      }
    }
    return out;
  }

  private statement(): PyStatement {
    const t = this.peek();
    const line = t.line;
    if (t.k === 'name' && REFUSED_STATEMENTS.has(t.v)) throw new TranslationError(`line ${line}: "${t.v}" statements are not translated`);
    if (this.acceptName('import')) {
      const module = this.dotted();
      if (this.isOp(',')) this.error('import one module per line');
      return this.acceptName('as') ? { k: 'import', module, as: this.identifier(), line } : { k: 'import', module, line };
    }
    if (this.acceptName('from')) {
      const module = this.dotted();
      if (!this.acceptName('import')) this.error('expected import');
      const paren = this.acceptOp('(');
      const names: { name: string; as?: string }[] = [];
      do {
        if (this.acceptOp('*')) names.push({ name: '*' });
        else {
          const name = this.identifier();
          names.push(this.acceptName('as') ? { name, as: this.identifier() } : { name });
        }
      } while (this.acceptOp(','));
      if (paren) this.expectOp(')');
      return { k: 'from', module, names, line };
    }
    if (t.k === 'name' && this.isOp('=', 1)) {
      this.next();
      this.next();
      return { k: 'assign', target: t.v, value: this.expression(), line };
    }
    const value = this.expression();
    if (this.isOp('=') || this.isOp(',')) this.error('only assignments to one plain name are translated');
    if (['+=', '-=', '*=', '/=', '//=', '**='].some((op) => this.isOp(op))) this.error('augmented assignments are not translated');
    return { k: 'expr', value, line };
  }

  expression(): PyExpr {
    if (this.isName('lambda')) this.error('lambda expressions are not translated');
    const value = this.or();
    if (this.acceptName('if')) {
      const cond = this.or();
      if (!this.acceptName('else')) this.error('expected else');
      return { k: 'ifelse', cond, then: value, otherwise: this.expression() };
    }
    return value;
  }

  private or(): PyExpr {
    let left = this.and();
    while (this.acceptName('or')) left = { k: 'bool', op: 'or', left, right: this.and() };
    return left;
  }
  private and(): PyExpr {
    let left = this.not();
    while (this.acceptName('and')) left = { k: 'bool', op: 'and', left, right: this.not() };
    return left;
  }
  private not(): PyExpr {
    if (this.acceptName('not')) return { k: 'unary', op: 'not', e: this.not() };
    return this.comparison();
  }
  private comparison(): PyExpr {
    const left = this.binary(0);
    const t = this.peek();
    let op: string | undefined;
    if (t.k === 'op' && COMPARISONS.has(t.v)) op = t.v;
    else if (this.isName('in')) op = 'in';
    else if (this.isName('not') && this.isName('in', 1)) op = 'not in';
    else if (this.isName('is')) op = this.isName('not', 1) ? 'is not' : 'is';
    if (!op) return left;
    this.i += op.split(' ').length;
    const right = this.binary(0);
    const after = this.peek();
    if ((after.k === 'op' && COMPARISONS.has(after.v)) || this.isName('in') || this.isName('is')) this.error('chained comparisons are not translated');
    return { k: 'bin', op, left, right };
  }
  private binary(minPower: number): PyExpr {
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      const power = t.k === 'op' ? BINARY[t.v] : undefined;
      if (power === undefined || power <= minPower) return left;
      this.next();
      left = { k: 'bin', op: t.v, left, right: this.binary(power) };
    }
  }
  private unary(): PyExpr {
    for (const op of ['-', '+', '~'] as const) if (this.acceptOp(op)) return { k: 'unary', op, e: this.unary() };
    const base = this.postfix();
    if (this.acceptOp('**')) return { k: 'bin', op: '**', left: base, right: this.unary() };
    return base;
  }
  private postfix(): PyExpr {
    let e = this.atom();
    for (;;) {
      if (this.acceptOp('.')) e = { k: 'attr', obj: e, name: this.identifier() };
      else if (this.acceptOp('(')) e = this.call(e);
      else if (this.acceptOp('[')) {
        if (this.isOp(':') || this.peekSlice()) this.error('slices are not translated');
        e = { k: 'index', obj: e, index: this.expression() };
        this.expectOp(']');
      } else return e;
    }
  }
  private peekSlice(): boolean {
    let depth = 0;
    for (let j = this.i; j < this.tokens.length; j++) {
      const t = this.tokens[j]!;
      if (t.k === 'op' && '([{'.includes(t.v)) depth++;
      if (t.k === 'op' && ')]}'.includes(t.v)) {
        if (depth === 0) return false;
        depth--;
      }
      if (depth === 0 && t.k === 'op' && t.v === ':') return true;
    }
    return false;
  }
  private call(fn: PyExpr): PyExpr {
    const args: PyArg[] = [];
    const kwargs: { name: string; value: PyExpr }[] = [];
    while (!this.acceptOp(')')) {
      if (this.acceptOp('**')) this.error('**kwargs are not translated');
      const star = this.acceptOp('*');
      if (!star && this.peek().k === 'name' && this.isOp('=', 1)) {
        const name = this.identifier();
        this.next();
        kwargs.push({ name, value: this.expression() });
      } else {
        if (kwargs.length > 0) this.error('a positional argument follows a keyword argument');
        args.push({ star, value: this.expression() });
        if (!star && this.isName('for')) this.error('generator arguments are not translated; use a list');
      }
      if (!this.acceptOp(',')) {
        this.expectOp(')');
        break;
      }
    }
    return { k: 'call', fn, args, kwargs };
  }
  private atom(): PyExpr {
    const t = this.next();
    if (t.k === 'num') return { k: 'num', text: t.v };
    if (t.k === 'str') {
      let value = t.v;
      while (this.peek().k === 'str') value += this.next().v;
      return { k: 'str', value };
    }
    if (t.k === 'name') {
      if (t.v === 'True' || t.v === 'False') return { k: 'const', value: t.v === 'True' };
      if (t.v === 'None') return { k: 'const', value: null };
      if (REFUSED_STATEMENTS.has(t.v)) throw new TranslationError(`line ${t.line}: "${t.v}" is not translated`);
      return { k: 'name', id: t.v };
    }
    if (t.k === 'op' && t.v === '(') return this.sequence(')', true);
    if (t.k === 'op' && t.v === '[') return this.sequence(']', false);
    if (t.k === 'op' && t.v === '{') return this.dict();
    this.i--;
    return this.error('expected a value');
  }
  /** A parenthesised expression, a tuple or a list, or a list comprehension. */
  private sequence(close: string, tuple: boolean): PyExpr {
    const items: PyArg[] = [];
    let trailingComma = false;
    while (!this.acceptOp(close)) {
      const star = this.acceptOp('*');
      const value = this.expression();
      if (!star && items.length === 0 && this.acceptName('for')) return this.comprehension(value, close);
      items.push({ star, value });
      trailingComma = this.acceptOp(',');
      if (!trailingComma) {
        this.expectOp(close);
        break;
      }
    }
    if (tuple && items.length === 1 && !trailingComma && !items[0]!.star) return items[0]!.value;
    return { k: 'list', items, tuple };
  }
  private comprehension(elt: PyExpr, close: string): PyExpr {
    const target = this.identifier();
    if (this.isOp(',')) this.error('a comprehension over several names is not translated');
    if (!this.acceptName('in')) this.error('expected in');
    const iter = this.or();
    const cond = this.acceptName('if') ? this.or() : undefined;
    if (this.isName('for')) this.error('nested comprehensions are not translated');
    this.expectOp(close);
    return { k: 'comp', elt, target, iter, ...(cond && { cond }) };
  }
  private dict(): PyExpr {
    const entries: [PyExpr, PyExpr][] = [];
    while (!this.acceptOp('}')) {
      const key = this.expression();
      this.expectOp(':');
      entries.push([key, this.expression()]);
      if (!this.acceptOp(',')) {
        this.expectOp('}');
        break;
      }
    }
    return { k: 'dict', entries };
  }
}

/** Parses the straight-line Python of a custom PySpark step. Throws a TranslationError naming the line. */
export function parsePython(src: string): PyStatement[] {
  return new PythonParser(tokenizePython(src)).program();
}
