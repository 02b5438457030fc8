/** The Python syntax tree of a custom PySpark step: straight-line statements over expressions. */
export type PyExpr =
  | { k: 'name'; id: string }
  | { k: 'num'; text: string }
  | { k: 'str'; value: string }
  | { k: 'const'; value: boolean | null }
  | { k: 'list'; items: PyArg[]; tuple: boolean }
  | { k: 'dict'; entries: [PyExpr, PyExpr][] }
  | { k: 'attr'; obj: PyExpr; name: string }
  | { k: 'call'; fn: PyExpr; args: PyArg[]; kwargs: { name: string; value: PyExpr }[] }
  | { k: 'index'; obj: PyExpr; index: PyExpr }
  | { k: 'bin'; op: string; left: PyExpr; right: PyExpr }
  | { k: 'unary'; op: '-' | '+' | '~' | 'not'; e: PyExpr }
  | { k: 'bool'; op: 'and' | 'or'; left: PyExpr; right: PyExpr }
  | { k: 'comp'; elt: PyExpr; target: string; iter: PyExpr; cond?: PyExpr }
  | { k: 'ifelse'; cond: PyExpr; then: PyExpr; otherwise: PyExpr };

/** A call argument, `*items` when starred. */
export interface PyArg {
  star: boolean;
  value: PyExpr;
}

export type PyStatement =
  | { k: 'import'; module: string; as?: string; line: number }
  | { k: 'from'; module: string; names: { name: string; as?: string }[]; line: number }
  | { k: 'assign'; target: string; value: PyExpr; line: number }
  | { k: 'expr'; value: PyExpr; line: number };
