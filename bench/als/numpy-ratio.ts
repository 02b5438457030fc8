import { loadavg } from 'node:os';
import { cliModelHost } from '../../src/cli/als-host';
import type { AlsParams } from '../../src/engine/model/als-contract';
import { plantedRatings } from '../../src/ml/testing/planted-ratings';
import { runNumpyPeer, writePeerRatings, type IterationTime, type PeerRun } from './numpy-peer';

/** Seconds per iteration over the timed iterations: the median, the fastest, and the median CPU seconds. */
export interface PerIteration {
  median: number;
  fastest: number;
  cpuMedian: number;
  iterationsTimed: number;
  finalLoss: number;
  finalTrainRmse: number;
}

export interface NumpyRatio {
  ratings: number;
  users: number;
  items: number;
  rank: number;
  iterations: number;
  rounds: number;
  wrangle: PerIteration & { backend: string };
  numpyLoop: PerIteration;
  numpyBatched: PerIteration;
  /** The faster numpy variant's median ÷ Wrangle's median: how many times faster Wrangle's iteration is (target ≥ 4). */
  speedup: number;
  /** The same from CPU seconds, which other jobs on a shared machine disturb less. */
  cpuSpeedup: number;
  numpy: string;
  blas: PeerRun['blas'];
  unsetForThePeer: PeerRun['unsetForThePeer'];
  loadAverage: { start: number[]; end: number[] };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const round = (x: number) => Number(x.toPrecision(4));

function perIteration(runs: IterationTime[][]): PerIteration {
  // The first iteration of each run warms up (JIT, wasm memory growth, first touch of numpy's arrays): not timed.
  const timed = runs.flatMap((h) => h.slice(1));
  const last = runs.at(-1)!.at(-1)!;
  return {
    median: round(median(timed.map((t) => t.seconds))),
    fastest: round(Math.min(...timed.map((t) => t.seconds))),
    cpuMedian: round(median(timed.map((t) => t.cpuSeconds))),
    iterationsTimed: timed.length,
    finalLoss: last.loss,
    finalTrainRmse: last.trainRmse,
  };
}

/**
 * Wrangle's training (the CLI's trainer on one thread: wasm SIMD, the loss and train RMSE it prints each iteration
 * included) against the numpy peer on the same planted, music-shaped ratings at one rank, explicit ALS-WR without
 * bias terms on both sides, alternating run by run: Wrangle, numpy (row by row), numpy (batched solve).
 */
export async function numpyRatio(python: string, ratings: number, rank: number, o: { iterations: number; rounds: number; regParam: number }): Promise<NumpyRatio> {
  const r = plantedRatings(ratings, { seed: 7 });
  const data = writePeerRatings(r);
  const host = cliModelHost({ threads: 1, backend: 'wasm' });
  const params: AlsParams = { rank, maxIter: o.iterations, regParam: o.regParam, alpha: 1, implicitPrefs: false, nonnegative: false, seed: 1, bias: { global: false, user: false, item: false } };
  const start = loadavg();
  const wrangleRuns: IterationTime[][] = [];
  const loopRuns: PeerRun[] = [];
  const batchedRuns: PeerRun[] = [];
  let backend = '';
  try {
    for (let k = 0; k < o.rounds; k++) {
      const times: IterationTime[] = [];
      let wall = performance.now();
      let cpu = process.cpuUsage();
      const model = await host.trainAls({ users: r.users, items: r.items, user: r.user, item: r.item, rating: r.rating }, params, {
        onIteration: (report) => {
          const now = performance.now();
          const used = process.cpuUsage(cpu);
          times.push({ seconds: (now - wall) / 1000, cpuSeconds: (used.user + used.system) / 1e6, loss: report.loss, trainRmse: report.trainRmse! });
          wall = now;
          cpu = process.cpuUsage();
        },
      });
      backend = model.backend;
      wrangleRuns.push(times);
      loopRuns.push(runNumpyPeer(python, data.dir, { rank, iterations: o.iterations, regParam: o.regParam, solve: 'loop' }));
      batchedRuns.push(runNumpyPeer(python, data.dir, { rank, iterations: o.iterations, regParam: o.regParam, solve: 'batched' }));
    }
  } finally {
    data.remove();
  }
  const wrangle = perIteration(wrangleRuns);
  const numpyLoop = perIteration(loopRuns.map((p) => p.history));
  const numpyBatched = perIteration(batchedRuns.map((p) => p.history));
  const peer = numpyLoop.median <= numpyBatched.median ? numpyLoop : numpyBatched;
  return {
    ratings,
    users: r.users,
    items: r.items,
    rank,
    iterations: o.iterations,
    rounds: o.rounds,
    wrangle: { ...wrangle, backend },
    numpyLoop,
    numpyBatched,
    speedup: round(peer.median / wrangle.median),
    cpuSpeedup: round(Math.min(numpyLoop.cpuMedian, numpyBatched.cpuMedian) / wrangle.cpuMedian),
    numpy: loopRuns[0]!.numpy,
    blas: loopRuns[0]!.blas,
    unsetForThePeer: loopRuns[0]!.unsetForThePeer,
    loadAverage: { start: start.map((x) => Number(x.toFixed(2))), end: loadavg().map((x) => Number(x.toFixed(2))) },
  };
}
