"""Explicit ALS-WR in plain numpy, as a data scientist would write it: the peer `bench/als.ts` times Wrangle against.

Minimises  Σ (r − u·v)²  +  λ·(Σ_u n_u‖u‖² + Σ_i n_i‖v‖²)  (λ scaled by each row's rating count, as Spark does) by
alternating exact solves of each row's normal equations, and after every iteration evaluates the objective per
rating and the training RMSE, as Wrangle's trainer reports them. One thread: the caller sets OPENBLAS_NUM_THREADS,
OMP_NUM_THREADS and MKL_NUM_THREADS to 1 before numpy loads.

Reads the ratings as raw little-endian arrays written by the bench (DIR/user.i32, DIR/item.i32, DIR/rating.f64 and
DIR/shape.json with users and items), and prints one JSON object: wall and CPU seconds per iteration (the loss and
RMSE included), loss, RMSE, and which BLAS kernel ran.

  python als_numpy.py DIR --rank 50 --iterations 10 --reg 0.1 [--solve loop|batched]

`loop` solves each row with np.linalg.solve as it goes; `batched` builds every row's normal equations first and
solves them in one stacked np.linalg.solve call (fewer Python-level calls; the Gram products are the same).
"""

import argparse
import json
import math
import os
import sys
import time

import numpy as np


def by_row(rows, cols, values, n):
    """CSR of the ratings grouped by `rows`: (indptr, column of each entry, value of each entry)."""
    order = np.argsort(rows, kind="stable")
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n), out=indptr[1:])
    return indptr, cols[order], values[order]


def solve_loop(indptr, cols, values, fixed, reg, out):
    k = fixed.shape[1]
    eye = np.eye(k)
    for r in range(len(indptr) - 1):
        lo, hi = indptr[r], indptr[r + 1]
        if lo == hi:
            out[r] = 0.0
            continue
        f = fixed[cols[lo:hi]]
        a = f.T @ f + (reg * (hi - lo)) * eye
        out[r] = np.linalg.solve(a, f.T @ values[lo:hi])


def solve_batched(indptr, cols, values, fixed, reg, out):
    k = fixed.shape[1]
    rows = len(indptr) - 1
    a = np.empty((rows, k, k))
    b = np.empty((rows, k))
    counts = np.diff(indptr)
    for r in range(rows):
        f = fixed[cols[indptr[r] : indptr[r + 1]]]
        a[r] = f.T @ f
        b[r] = f.T @ values[indptr[r] : indptr[r + 1]]
    a += (reg * np.maximum(counts, 1))[:, None, None] * np.eye(k)
    out[:] = np.linalg.solve(a, b[:, :, None])[:, :, 0]
    out[counts == 0] = 0.0


def blas_info():
    try:
        from threadpoolctl import threadpool_info

        return [
            {key: lib.get(key) for key in ("internal_api", "version", "architecture", "num_threads", "threading_layer")}
            for lib in threadpool_info()
            if lib.get("user_api") == "blas"
        ]
    except ImportError:
        return None


def main():
    p = argparse.ArgumentParser()
    p.add_argument("dir")
    p.add_argument("--rank", type=int, default=50)
    p.add_argument("--iterations", type=int, default=10)
    p.add_argument("--reg", type=float, default=0.1)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--solve", choices=("loop", "batched"), default="loop")
    args = p.parse_args()

    shape = json.load(open(os.path.join(args.dir, "shape.json")))
    users, items = shape["users"], shape["items"]
    user = np.fromfile(os.path.join(args.dir, "user.i32"), dtype="<i4")
    item = np.fromfile(os.path.join(args.dir, "item.i32"), dtype="<i4")
    rating = np.fromfile(os.path.join(args.dir, "rating.f64"), dtype="<f8")
    nnz = len(rating)
    u_ptr, u_cols, u_vals = by_row(user, item, rating, users)
    i_ptr, i_cols, i_vals = by_row(item, user, rating, items)
    n_u = np.diff(u_ptr)
    n_i = np.diff(i_ptr)

    rng = np.random.default_rng(args.seed)
    k = args.rank
    U = rng.standard_normal((users, k))
    U /= np.linalg.norm(U, axis=1, keepdims=True)
    V = rng.standard_normal((items, k))
    V /= np.linalg.norm(V, axis=1, keepdims=True)
    solve = solve_loop if args.solve == "loop" else solve_batched

    history = []
    for it in range(1, args.iterations + 1):
        start = time.perf_counter()
        cpu = time.process_time()
        solve(u_ptr, u_cols, u_vals, V, args.reg, U)
        solve(i_ptr, i_cols, i_vals, U, args.reg, V)
        pred = np.einsum("ij,ij->i", U[user], V[item])
        sse = float(np.sum((rating - pred) ** 2))
        penalty = float(n_u @ np.einsum("ij,ij->i", U, U) + n_i @ np.einsum("ij,ij->i", V, V))
        seconds = time.perf_counter() - start
        cpu_seconds = time.process_time() - cpu
        loss = (sse + args.reg * penalty) / nnz
        history.append({"iteration": it, "seconds": seconds, "cpuSeconds": cpu_seconds, "loss": loss, "trainRmse": math.sqrt(sse / nnz)})

    json.dump({"numpy": np.__version__, "python": sys.version.split()[0], "solve": args.solve, "blas": blas_info(), "history": history}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
