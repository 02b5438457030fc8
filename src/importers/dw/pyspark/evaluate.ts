import { TranslationError } from '../expr/ast';
import { newNotes, type TranslationNotes } from '../expr/notes';
import { callColumnMethod, callFunction, columnOperator } from './column-api';
import { callDataFrameMethod, callGroupedMethod, type DataFrameContext } from './dataframe';
import { parsePython } from './parse';
import type { PyArg, PyExpr, PyStatement } from './syntax';
import { describeValue, FUNCTIONS_MODULE, TYPES_MODULE, type PlanStep, type Value } from './values';

/** Calls that only print or inspect: left out of the translation. */
const INSPECTION_METHODS = new Set(['show', 'printSchema', 'explain', 'describe', 'summary', 'head', 'take', 'collect', 'display']);
const INSPECTION_FUNCTIONS = new Set(['print', 'display']);

const SPARK_TYPES: Record<string, string> = {
  IntegerType: 'integer', LongType: 'long', ShortType: 'short', ByteType: 'byte', StringType: 'string', DoubleType: 'double',
  FloatType: 'float', BooleanType: 'boolean', DateType: 'date', TimestampType: 'timestamp', BinaryType: 'binary',
};

type Scope = Map<string, Value>;

const NONE: Value = { v: 'none' };
const num = (n: number): Value => ({ v: 'num', n, text: String(n) });

function truthy(x: Value): boolean {
  switch (x.v) {
    case 'bool':
      return x.b;
    case 'num':
      return x.n !== 0;
    case 'str':
      return x.s !== '';
    case 'list':
      return x.items.length > 0;
    case 'none':
      return false;
    default:
      throw new TranslationError(`${describeValue(x)} has no truth value in Python; use & | ~ to combine Columns`);
  }
}

function samePython(a: Value, b: Value): boolean {
  if (a.v === 'num' && b.v === 'num') return a.n === b.n;
  if (a.v === 'str' && b.v === 'str') return a.s === b.s;
  if (a.v === 'bool' && b.v === 'bool') return a.b === b.b;
  return a.v === 'none' && b.v === 'none';
}

/** Python arithmetic and comparison on plain values (list of names + a suffix, counts, …). */
function pythonOperator(op: string, l: Value, r: Value): Value {
  if (l.v === 'str' && r.v === 'str') {
    if (op === '+') return { v: 'str', s: l.s + r.s };
    if (op === '==' || op === '!=') return { v: 'bool', b: (l.s === r.s) === (op === '==') };
    if (op === 'in' || op === 'not in') return { v: 'bool', b: r.s.includes(l.s) === (op === 'in') };
  }
  if (l.v === 'num' && r.v === 'num') {
    const a = l.n;
    const b = r.n;
    const results: Record<string, () => Value> = {
      '+': () => num(a + b), '-': () => num(a - b), '*': () => num(a * b), '/': () => num(a / b), '//': () => num(Math.floor(a / b)),
      '%': () => num(((a % b) + b) % b), '**': () => num(a ** b), '==': () => ({ v: 'bool', b: a === b }), '!=': () => ({ v: 'bool', b: a !== b }),
      '<': () => ({ v: 'bool', b: a < b }), '<=': () => ({ v: 'bool', b: a <= b }), '>': () => ({ v: 'bool', b: a > b }), '>=': () => ({ v: 'bool', b: a >= b }),
    };
    const result = results[op];
    if (result) return result();
  }
  if (l.v === 'list' && r.v === 'list' && op === '+') return { v: 'list', items: [...l.items, ...r.items] };
  if ((op === 'in' || op === 'not in') && r.v === 'list') return { v: 'bool', b: r.items.some((i) => samePython(i, l)) === (op === 'in') };
  if (op === 'is' || op === 'is not' || op === '==' || op === '!=') return { v: 'bool', b: samePython(l, r) === (op === 'is' || op === '==') };
  throw new TranslationError(`${describeValue(l)} ${op} ${describeValue(r)} is not translated`);
}

function stringMethod(s: string, name: string, args: Value[]): Value {
  const text = (i: number) => {
    const a = args[i];
    if (a?.v !== 'str') throw new TranslationError(`str.${name}() takes strings`);
    return a.s;
  };
  switch (name) {
    case 'upper':
      return { v: 'str', s: s.toUpperCase() };
    case 'lower':
      return { v: 'str', s: s.toLowerCase() };
    case 'strip':
      return { v: 'str', s: s.trim() };
    case 'replace':
      return { v: 'str', s: s.replaceAll(text(0), text(1)) };
    case 'startswith':
      return { v: 'bool', b: s.startsWith(text(0)) };
    case 'endswith':
      return { v: 'bool', b: s.endsWith(text(0)) };
    default:
      throw new TranslationError(`str.${name}() is not translated`);
  }
}

class Interpreter {
  private ids = 0;
  readonly ctx: DataFrameContext;
  private starFunctions = false;

  constructor(readonly notes: TranslationNotes) {
    this.ctx = { notes, nextId: () => ++this.ids };
  }

  run(statements: PyStatement[]): PlanStep[] {
    const scope: Scope = new Map([['df', { v: 'df', id: 0, steps: [] }]]);
    for (const s of statements) {
      try {
        this.statement(s, scope);
      } catch (e) {
        if (e instanceof TranslationError && !/^line \d+:/.test(e.message)) throw new TranslationError(`line ${s.line}: ${e.message}`);
        throw e;
      }
    }
    const result = scope.get('df');
    if (result?.v !== 'df') throw new TranslationError(`at the end, df is ${result ? describeValue(result) : 'not defined'}, not a DataFrame`);
    return result.steps;
  }

  private statement(s: PyStatement, scope: Scope): void {
    switch (s.k) {
      case 'import':
        scope.set(s.as ?? s.module.split('.')[0]!, { v: 'module', module: s.as ? s.module : s.module.split('.')[0]! });
        return;
      case 'from':
        for (const { name, as } of s.names) {
          if (name === '*') {
            if (s.module !== FUNCTIONS_MODULE) throw new TranslationError(`from ${s.module} import * is not translated`);
            this.starFunctions = true;
            continue;
          }
          const isFunctionsOrTypes = s.module === FUNCTIONS_MODULE || s.module === TYPES_MODULE;
          scope.set(as ?? name, isFunctionsOrTypes ? { v: 'fn', module: s.module, name } : { v: 'module', module: `${s.module}.${name}` });
        }
        return;
      case 'assign':
        scope.set(s.target, this.evaluate(s.value, scope));
        return;
      case 'expr': {
        const v = s.value;
        if (v.k === 'call' && ((v.fn.k === 'name' && INSPECTION_FUNCTIONS.has(v.fn.id)) || (v.fn.k === 'attr' && INSPECTION_METHODS.has(v.fn.name)))) {
          this.notes.approximations.add('print/show calls are left out');
          return;
        }
        this.evaluate(v, scope);
        return;
      }
    }
  }

  private args(args: PyArg[], scope: Scope): Value[] {
    return args.flatMap((a) => {
      const v = this.evaluate(a.value, scope);
      if (!a.star) return [v];
      if (v.v !== 'list') throw new TranslationError(`*${describeValue(v)} is not a list`);
      return v.items;
    });
  }

  evaluate(e: PyExpr, scope: Scope): Value {
    switch (e.k) {
      case 'num':
        return { v: 'num', n: Number(e.text), text: e.text };
      case 'str':
        return { v: 'str', s: e.value };
      case 'const':
        return e.value === null ? NONE : { v: 'bool', b: e.value };
      case 'list':
        return { v: 'list', items: this.args(e.items, scope) };
      case 'dict':
        return { v: 'dict', entries: e.entries.map(([k, x]) => [this.evaluate(k, scope), this.evaluate(x, scope)]) };
      case 'name':
        return this.lookup(e.id, scope);
      case 'attr':
        return this.attribute(this.evaluate(e.obj, scope), e.name);
      case 'index':
        return this.index(this.evaluate(e.obj, scope), this.evaluate(e.index, scope));
      case 'call':
        return this.call(this.evaluate(e.fn, scope), this.args(e.args, scope), Object.fromEntries(e.kwargs.map((k) => [k.name, this.evaluate(k.value, scope)])));
      case 'bin': {
        const l = this.evaluate(e.left, scope);
        const r = this.evaluate(e.right, scope);
        if (l.v === 'col' || r.v === 'col') return columnOperator(e.op, l, r);
        return pythonOperator(e.op, l, r);
      }
      case 'unary': {
        const x = this.evaluate(e.e, scope);
        if (x.v === 'col') {
          if (e.op === 'not') throw new TranslationError('use ~ to negate a Column, not "not"');
          return e.op === '+' ? x : { v: 'col', e: { t: 'unary', op: e.op === '~' ? 'not' : '-', e: x.e } };
        }
        if (e.op === 'not') return { v: 'bool', b: !truthy(x) };
        if (x.v === 'num' && e.op !== '~') return e.op === '-' ? { v: 'num', n: -x.n, text: `-${x.text}` } : x;
        throw new TranslationError(`${e.op}${describeValue(x)} is not translated`);
      }
      case 'bool': {
        const l = this.evaluate(e.left, scope);
        if (l.v === 'col') throw new TranslationError(`use ${e.op === 'and' ? '&' : '|'} to combine Columns, not "${e.op}"`);
        return truthy(l) === (e.op === 'or') ? l : this.evaluate(e.right, scope);
      }
      case 'ifelse':
        return truthy(this.evaluate(e.cond, scope)) ? this.evaluate(e.then, scope) : this.evaluate(e.otherwise, scope);
      case 'comp': {
        const iter = this.evaluate(e.iter, scope);
        if (iter.v !== 'list') throw new TranslationError(`a comprehension over ${describeValue(iter)} is not translated`);
        const items: Value[] = [];
        for (const item of iter.items) {
          const inner: Scope = new Map(scope);
          inner.set(e.target, item);
          if (e.cond && !truthy(this.evaluate(e.cond, inner))) continue;
          items.push(this.evaluate(e.elt, inner));
        }
        return { v: 'list', items };
      }
    }
  }

  private lookup(id: string, scope: Scope): Value {
    const found = scope.get(id);
    if (found) return found;
    if (['len', 'range', 'str', 'int', 'float', 'list', 'print'].includes(id)) return { v: 'fn', module: 'builtins', name: id };
    if (this.starFunctions) return { v: 'fn', module: FUNCTIONS_MODULE, name: id };
    if (id === 'spark' || id === 'sc') throw new TranslationError(`"${id}" (the Spark session) is not translated`);
    throw new TranslationError(`name "${id}" is not defined`);
  }

  private attribute(obj: Value, name: string): Value {
    switch (obj.v) {
      case 'module':
        if (obj.module === FUNCTIONS_MODULE || obj.module === TYPES_MODULE) return { v: 'fn', module: obj.module, name };
        return { v: 'module', module: `${obj.module}.${name}` };
      case 'df':
        if (['columns', 'schema', 'dtypes', 'rdd'].includes(name)) throw new TranslationError(`df.${name} needs the table itself, which is known only when the flow runs`);
        if (name === 'na') return { v: 'method', self: obj, name: 'na' };
        if (DATAFRAME_METHODS.has(name)) return { v: 'method', self: obj, name };
        return { v: 'col', e: { t: 'col', name, from: obj.id }, name, from: obj.id };
      case 'method':
        if (obj.name === 'na' && obj.self.v === 'df' && (name === 'drop' || name === 'fill')) return { v: 'method', self: obj.self, name: `${name}na` };
        break;
      case 'col':
      case 'grouped':
      case 'str':
        return { v: 'method', self: obj, name };
    }
    throw new TranslationError(`${describeValue(obj)} has no attribute "${name}" that is translated`);
  }

  private index(obj: Value, key: Value): Value {
    if (obj.v === 'df' && key.v === 'str') return { v: 'col', e: { t: 'col', name: key.s, from: obj.id }, name: key.s, from: obj.id };
    if (obj.v === 'list' && key.v === 'num') {
      const item = obj.items[key.n < 0 ? obj.items.length + key.n : key.n];
      if (item) return item;
    }
    if (obj.v === 'dict') {
      const entry = obj.entries.find(([k]) => samePython(k, key));
      if (entry) return entry[1];
    }
    throw new TranslationError(`${describeValue(obj)}[${describeValue(key)}] is not translated`);
  }

  private call(fn: Value, args: Value[], kwargs: Record<string, Value>): Value {
    if (fn.v === 'fn') {
      if (fn.module === FUNCTIONS_MODULE) return callFunction(fn.name, args);
      if (fn.module === TYPES_MODULE) return sparkType(fn.name, args);
      if (fn.module === 'builtins') return builtin(fn.name, args);
    }
    if (fn.v === 'method') {
      const self = fn.self;
      if (self.v === 'df') return callDataFrameMethod(self, fn.name, args, kwargs, this.ctx);
      if (self.v === 'grouped') return callGroupedMethod(self, fn.name, args, this.ctx);
      if (self.v === 'col') return callColumnMethod(self, fn.name, args);
      if (self.v === 'str') return stringMethod(self.s, fn.name, args);
    }
    if (fn.v === 'module') throw new TranslationError(`${fn.module}() is not translated: only PySpark DataFrame and functions calls are`);
    throw new TranslationError(`${describeValue(fn)} cannot be called here`);
  }
}

const DATAFRAME_METHODS = new Set([
  'filter', 'where', 'select', 'selectExpr', 'withColumn', 'withColumnRenamed', 'drop', 'orderBy', 'sort', 'limit', 'distinct',
  'dropDuplicates', 'drop_duplicates', 'dropna', 'fillna', 'groupBy', 'groupby', 'agg', 'join', 'union', 'unionAll', 'unionByName',
  'alias', 'cache', 'persist', 'repartition', 'coalesce', 'toPandas', 'count', 'sample', 'crossJoin', 'withColumns',
]);

function sparkType(name: string, args: Value[]): Value {
  if (name === 'DecimalType') {
    const [p, s] = args;
    return { v: 'type', spark: `decimal(${p?.v === 'num' ? p.n : 10},${s?.v === 'num' ? s.n : 0})` };
  }
  const spark = SPARK_TYPES[name];
  if (!spark) throw new TranslationError(`the type ${name} is not translated`);
  return { v: 'type', spark };
}

function builtin(name: string, args: Value[]): Value {
  const [a, b] = args;
  switch (name) {
    case 'len':
      if (a?.v === 'list') return num(a.items.length);
      if (a?.v === 'str') return num(a.s.length);
      break;
    case 'range': {
      const [start, stop] = b ? [a, b] : [num(0), a];
      if (start?.v === 'num' && stop?.v === 'num' && stop.n - start.n <= 10_000) {
        return { v: 'list', items: Array.from({ length: Math.max(0, stop.n - start.n) }, (_, i) => num(start.n + i)) };
      }
      break;
    }
    case 'str':
      if (a?.v === 'str') return a;
      if (a?.v === 'num') return { v: 'str', s: a.text };
      break;
    case 'int':
    case 'float':
      if (a?.v === 'num') return name === 'int' ? num(Math.trunc(a.n)) : a;
      if (a?.v === 'str' && a.s.trim() !== '' && Number.isFinite(Number(a.s))) return num(name === 'int' ? Math.trunc(Number(a.s)) : Number(a.s));
      break;
    case 'list':
      if (a?.v === 'list') return a;
      break;
  }
  throw new TranslationError(`${name}(${args.map(describeValue).join(', ')}) is not translated`);
}

/** Translates the Python of a custom PySpark step into the plan of its result DataFrame `df`. */
export function translatePySpark(code: string, notes: TranslationNotes = newNotes()): { steps: PlanStep[]; notes: TranslationNotes } {
  const interpreter = new Interpreter(notes);
  return { steps: interpreter.run(parsePython(code)), notes };
}
