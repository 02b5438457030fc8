import { NotTranslatable, type Node } from './duckdb-to-spark';
import { COMPARISONS, constant, func, isNumericType, NEGATED, numberConstant, RESERVED, TYPE_NAMES } from './studio-parse-nodes';
import { STUDIO_ONLY, type Token } from './studio-tokenizer';

/**
 * The studio's reading of a formula or filter for `Export → PySpark job…`. duckdb-wasm offline has no json extension,
 * so no `json_serialize_sql` (the CLI's source of parse trees); this parser gives the tree that DuckDB's parser gives,
 * in its shape and with its rewrites (`NOT a = b` becomes `a <> b`, `-5` a constant, `TRUE` a cast of 't', IFNULL a
 * COALESCE), for the part of DuckDB's expression grammar that the translator has translations for. Anything else is
 * refused by name and position, never guessed: a differential test holds it to json_serialize_sql on a corpus.
 * studio-query-parser.ts reads the query around it (the expression's `SELECT`, a `sql` block's simple query).
 */

export class ExpressionParser {
  protected pos = 0;
  /** In a query's select list and clauses: `count(*)` and `count(DISTINCT …)` are read. */
  protected inQuery = false;

  constructor(
    protected readonly tokens: Token[],
    protected readonly from: number,
  ) {}

  protected get token(): Token {
    return this.tokens[this.pos]!;
  }

  protected refuse(t: Token, construct: string): never {
    throw new NotTranslatable(construct, t.index - this.from, STUDIO_ONLY);
  }

  protected isWord(...words: string[]): boolean {
    return this.token.kind === 'word' && words.includes(this.token.value);
  }

  protected isOp(...ops: string[]): boolean {
    return this.token.kind === 'op' && ops.includes(this.token.text);
  }

  protected next(): Token {
    return this.tokens[this.pos++]!;
  }

  protected expect(text: string): void {
    if (this.token.text.toUpperCase() !== text) this.refuse(this.token, `"${this.token.text || 'the end'}" where ${text} is expected`);
    this.pos++;
  }

  private conjunction(type: string, operand: () => Node, word: string): Node {
    const first = this.token.at;
    const parts = [operand()];
    while (this.isWord(word)) {
      this.next();
      parts.push(operand());
    }
    if (parts.length === 1) return parts[0]!;
    // DuckDB flattens a chain of one conjunction, parenthesised or not, into one node.
    const children = parts.flatMap((p) => (p.class === 'CONJUNCTION' && p.type === type && Array.isArray(p.children) ? (p.children as Node[]) : [p]));
    return { class: 'CONJUNCTION', type, children, query_location: first };
  }

  protected or(): Node {
    return this.conjunction('CONJUNCTION_OR', () => this.and(), 'OR');
  }

  private and(): Node {
    return this.conjunction('CONJUNCTION_AND', () => this.not(), 'AND');
  }

  private not(): Node {
    if (!this.isWord('NOT')) return this.is();
    const t = this.next();
    const child = this.not();
    const negated = child.class === 'COMPARISON' ? NEGATED[String(child.type)] : undefined;
    if (negated) return { ...child, type: negated };
    if (child.class === 'OPERATOR' && child.type === 'COMPARE_IN') return { ...child, type: 'COMPARE_NOT_IN' };
    if (child.class === 'COMPARISON' || (child.class === 'OPERATOR' && child.type === 'COMPARE_NOT_IN')) this.refuse(t, 'NOT over this comparison');
    return { class: 'OPERATOR', type: 'OPERATOR_NOT', children: [child], query_location: t.at };
  }

  private is(): Node {
    let left = this.comparison();
    for (;;) {
      const t = this.token;
      if (this.isWord('ISNULL', 'NOTNULL')) {
        this.next();
        left = { class: 'OPERATOR', type: t.value === 'ISNULL' ? 'OPERATOR_IS_NULL' : 'OPERATOR_IS_NOT_NULL', children: [left], query_location: t.at };
      } else if (this.isWord('IS')) {
        this.next();
        const not = this.isWord('NOT') ? (this.next(), true) : false;
        if (this.isWord('NULL')) {
          this.next();
          left = { class: 'OPERATOR', type: not ? 'OPERATOR_IS_NOT_NULL' : 'OPERATOR_IS_NULL', children: [left], query_location: t.at };
        } else if (this.isWord('DISTINCT')) {
          this.next();
          this.expect('FROM');
          left = { class: 'COMPARISON', type: not ? 'COMPARE_NOT_DISTINCT_FROM' : 'COMPARE_DISTINCT_FROM', left, right: this.comparison(), query_location: t.at };
        } else return this.refuse(this.token, `IS ${not ? 'NOT ' : ''}${this.token.text}`);
      } else return left;
    }
  }

  private comparison(): Node {
    const left = this.predicate();
    if (this.token.kind !== 'op' || !Object.hasOwn(COMPARISONS, this.token.text)) return left;
    const t = this.next();
    const right = this.predicate();
    if (this.token.kind === 'op' && Object.hasOwn(COMPARISONS, this.token.text)) this.refuse(this.token, 'a chain of comparisons');
    return { class: 'COMPARISON', type: COMPARISONS[t.text]!, left, right, query_location: t.at };
  }

  private predicate(): Node {
    const input = this.concat();
    const not = this.isWord('NOT') && ['BETWEEN', 'IN', 'LIKE', 'ILIKE'].includes(this.tokens[this.pos + 1]?.value ?? '');
    if (not) this.next();
    const t = this.token;
    if (this.isWord('BETWEEN')) {
      this.next();
      const lower = this.concat();
      this.expect('AND');
      const between: Node = { class: 'BETWEEN', type: 'COMPARE_BETWEEN', input, lower, upper: this.concat(), query_location: t.at };
      return not ? { class: 'OPERATOR', type: 'OPERATOR_NOT', children: [between], query_location: t.at } : between;
    }
    if (this.isWord('IN')) {
      this.next();
      this.expect('(');
      const items = this.list();
      return { class: 'OPERATOR', type: not ? 'COMPARE_NOT_IN' : 'COMPARE_IN', children: [input, ...items], query_location: t.at };
    }
    if (this.isWord('LIKE', 'ILIKE')) {
      this.next();
      const name = `${not ? '!' : ''}~~${t.value === 'ILIKE' ? '*' : ''}`;
      if (this.isWord('ESCAPE')) this.refuse(this.token, 'LIKE … ESCAPE');
      return func(name, [input, this.concat()], t.at);
    }
    return input;
  }

  /** Expressions separated by commas up to the closing parenthesis (consumed). */
  private list(): Node[] {
    const items = [this.or()];
    while (this.isOp(',')) {
      this.next();
      items.push(this.or());
    }
    this.expect(')');
    return items;
  }

  private binary(operators: string[], operand: () => Node): Node {
    let left = operand();
    while (this.isOp(...operators)) {
      const t = this.next();
      left = func(t.text, [left, operand()], t.at);
    }
    return left;
  }

  private concat(): Node {
    return this.binary(['||'], () => this.additive());
  }

  private additive(): Node {
    return this.binary(['+', '-'], () => this.multiplicative());
  }

  private multiplicative(): Node {
    return this.binary(['*', '/', '%', '//'], () => this.power());
  }

  private power(): Node {
    return this.binary(['^'], () => this.unary());
  }

  private unary(): Node {
    if (!this.isOp('+', '-')) return this.postfix();
    const t = this.next();
    const child = this.unary();
    const v = child.class === 'CONSTANT' && typeof child.value === 'object' && child.value !== null && !Array.isArray(child.value) ? child.value : undefined;
    // DuckDB's parser folds the sign into a numeric constant.
    if (t.text === '-' && v && typeof v.value === 'number' && isNumericType(v.type)) return { ...child, value: { ...v, value: -v.value }, query_location: t.at };
    return func(t.text, [child], t.at);
  }

  private postfix(): Node {
    let node = this.primary();
    while (this.isOp('::')) {
      const t = this.next();
      node = { class: 'CAST', type: 'OPERATOR_CAST', child: node, cast_type: { id: this.typeName() }, try_cast: false, query_location: t.at };
    }
    return node;
  }

  private typeName(): string {
    const t = this.next();
    if (t.kind !== 'word') this.refuse(t, `the type ${t.text}`);
    let name = t.value;
    if (name === 'DOUBLE' && this.isWord('PRECISION')) this.next();
    // VARCHAR(10): DuckDB keeps no length.
    if (name in TYPE_NAMES && TYPE_NAMES[name] === 'VARCHAR' && this.isOp('(')) {
      this.next();
      if (this.token.kind !== 'number') this.refuse(this.token, `the type ${name}(${this.token.text})`);
      this.next();
      this.expect(')');
    }
    name = TYPE_NAMES[name] ?? this.refuse(t, `the type ${t.text}`);
    return name;
  }

  private primary(): Node {
    const t = this.token;
    if (t.kind === 'number') return (this.next(), numberConstant(t, this.from));
    if (t.kind === 'string') return (this.next(), constant('VARCHAR', t.value, t.at));
    if (t.kind === 'quoted') return this.columnRef();
    if (this.isOp('(')) {
      this.next();
      const inner = this.or();
      this.expect(')');
      return inner;
    }
    if (this.isOp('{')) return this.structLiteral();
    if (t.kind !== 'word') return this.refuse(t, `"${t.text || 'the end'}"`);
    switch (t.value) {
      case 'NULL':
        return (this.next(), constant('NULL', null, t.at));
      case 'TRUE':
      case 'FALSE':
        this.next();
        return { class: 'CAST', type: 'OPERATOR_CAST', child: constant('VARCHAR', t.value === 'TRUE' ? 't' : 'f', t.at), cast_type: { id: 'BOOLEAN' }, try_cast: false, query_location: t.at };
      case 'CASE':
        return this.caseExpression();
      case 'CAST':
      case 'TRY_CAST': {
        this.next();
        this.expect('(');
        const child = this.or();
        this.expect('AS');
        const id = this.typeName();
        this.expect(')');
        return { class: 'CAST', type: 'OPERATOR_CAST', child, cast_type: { id }, try_cast: t.value === 'TRY_CAST', query_location: t.at };
      }
    }
    if (this.tokens[this.pos + 1]?.text === '(') return this.call();
    if (RESERVED.has(t.value)) return this.refuse(t, `the keyword ${t.text}`);
    return this.columnRef();
  }

  private columnRef(): Node {
    const t = this.next();
    const names = [t.kind === 'word' ? t.text : t.value];
    while (this.isOp('.')) {
      this.next();
      const part = this.next();
      if (part.kind !== 'word' && part.kind !== 'quoted') this.refuse(part, `"${part.text}" in a name`);
      names.push(part.kind === 'word' ? part.text : part.value);
    }
    return { class: 'COLUMN_REF', type: 'COLUMN_REF', column_names: names, query_location: t.at };
  }

  private call(): Node {
    const t = this.next();
    this.expect('(');
    const name = t.text.toLowerCase();
    if (this.inQuery && name === 'count' && this.isOp('*') && this.tokens[this.pos + 1]?.text === ')') {
      this.pos += 2;
      return func('count_star', [], t.at);
    }
    if (name === 'struct_pack') return this.structPack(t);
    const distinct = this.inQuery && this.isWord('DISTINCT') ? (this.next(), true) : false;
    if (this.isWord('DISTINCT', 'ALL') || this.isOp('*')) this.refuse(this.token, `the function ${name} with ${this.token.text}`);
    const args = this.isOp(')') ? (this.next(), []) : this.list();
    if (distinct) return { ...func(name, args, t.at), distinct: true };
    if (name === 'coalesce' || (name === 'ifnull' && args.length === 2)) return { class: 'OPERATOR', type: 'OPERATOR_COALESCE', children: args, query_location: t.at };
    // DuckDB's parser writes if(c, a, b) as CASE WHEN c THEN a ELSE b END.
    if (name === 'if' && args.length === 3) return { class: 'CASE', type: 'CASE_EXPR', case_checks: [{ when_expr: args[0]!, then_expr: args[1]! }], else_expr: args[2]!, query_location: t.at };
    if (this.isWord('FILTER', 'OVER')) this.refuse(this.token, `the function ${name} with ${this.token.text}`);
    return func(name, args, t.at);
  }

  /** `{'name': value, …}`: DuckDB's parser makes it struct_pack (in schema main), each value aliased by its field name. */
  private structLiteral(): Node {
    const t = this.next();
    const fields: Node[] = [];
    do {
      if (fields.length > 0) this.next();
      const key = this.next();
      if (key.kind !== 'string' && key.kind !== 'word' && key.kind !== 'quoted') this.refuse(key, `"${key.text || 'the end'}" as a struct field name`);
      this.expect(':');
      fields.push({ ...this.or(), alias: key.kind === 'word' ? key.text : key.value });
    } while (this.isOp(','));
    this.expect('}');
    return { ...func('struct_pack', fields, t.at), schema: 'main' };
  }

  /** struct_pack(name := value, …), DuckDB's spelled-out struct. */
  private structPack(t: Token): Node {
    const fields: Node[] = [];
    while (!this.isOp(')')) {
      if (fields.length > 0) this.expect(',');
      const name = this.next();
      if (name.kind !== 'word' && name.kind !== 'quoted') this.refuse(name, `"${name.text || 'the end'}" as a struct field name`);
      this.expect(':=');
      fields.push({ ...this.or(), alias: name.kind === 'word' ? name.text : name.value });
    }
    this.next();
    return func('struct_pack', fields, t.at);
  }

  private caseExpression(): Node {
    const t = this.next();
    const subject = this.isWord('WHEN') ? undefined : this.or();
    const checks: Node[] = [];
    while (this.isWord('WHEN')) {
      const w = this.next();
      const condition = this.or();
      this.expect('THEN');
      const when = subject ? { class: 'COMPARISON', type: 'COMPARE_EQUAL', left: subject, right: condition, query_location: w.at } : condition;
      checks.push({ when_expr: when, then_expr: this.or() });
    }
    if (checks.length === 0) this.refuse(this.token, 'a CASE without WHEN');
    const otherwise = this.isWord('ELSE') ? (this.next(), this.or()) : constant('NULL', null, t.at);
    this.expect('END');
    return { class: 'CASE', type: 'CASE_EXPR', case_checks: checks, else_expr: otherwise, query_location: t.at };
  }
}
