import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../src/testing/run-cli';

/** The project-local environment of the numpy peer, made on first use and remade when its pins change. */
const venv = join(repoRoot, '.venv-bench-als');
const requirements = join(repoRoot, 'bench', 'peers', 'requirements-als.txt');
const script = join(repoRoot, 'bench', 'peers', 'als_numpy.py');
const ONE_THREAD = { OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };

/** The venv's python, or why the peer cannot run here. */
export function numpyPeerPython(): { python: string } | { skipped: string } {
  if (spawnSync('python3', ['--version']).status !== 0) return { skipped: 'python3 is not installed' };
  const python = join(venv, 'bin', 'python');
  const pins = readFileSync(requirements, 'utf8');
  const stamp = join(venv, 'requirements-als.txt');
  if (existsSync(python) && existsSync(stamp) && readFileSync(stamp, 'utf8') === pins) return { python };
  console.log(`setting up ${venv} for the numpy peer …`);
  const made = existsSync(python) || spawnSync('python3', ['-m', 'venv', venv], { stdio: 'inherit' }).status === 0;
  if (!made) return { skipped: `python3 -m venv ${venv} failed` };
  const installed = spawnSync(python, ['-m', 'pip', 'install', '--quiet', '-r', requirements], { stdio: 'inherit' });
  if (installed.status !== 0) return { skipped: `pip could not install ${requirements}` };
  writeFileSync(stamp, pins);
  return { python };
}

/** Ratings in dense indices, as the peer reads them. */
export interface PeerRatings {
  users: number;
  items: number;
  user: Int32Array;
  item: Int32Array;
  rating: Float64Array;
}

/** One iteration as either side timed it: wall seconds and this process's CPU seconds. */
export interface IterationTime {
  seconds: number;
  cpuSeconds: number;
  loss: number;
  trainRmse: number;
}

export interface PeerRun {
  numpy: string;
  blas: Array<Record<string, unknown>> | null;
  /** OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE as this machine sets them; the peer runs with both unset. */
  unsetForThePeer: Record<string, string>;
  history: IterationTime[];
}

/** Writes the ratings where the peer reads them; returns the folder and a function that removes it. */
export function writePeerRatings(r: PeerRatings): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'wrangle-als-peer-'));
  writeFileSync(join(dir, 'user.i32'), r.user);
  writeFileSync(join(dir, 'item.i32'), r.item);
  writeFileSync(join(dir, 'rating.f64'), r.rating);
  writeFileSync(join(dir, 'shape.json'), JSON.stringify({ users: r.users, items: r.items }));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Runs `bench/peers/als_numpy.py` once on one thread. OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE, which some machines
 * set because older OpenBLAS builds misbehave on their processors, slow a current numpy: they are unset together for
 * this command alone, and the run reports which kernel OpenBLAS then picked (threadpoolctl).
 */
export function runNumpyPeer(python: string, dir: string, o: { rank: number; iterations: number; regParam: number; solve: 'loop' | 'batched' }): PeerRun {
  const env: NodeJS.ProcessEnv = { ...process.env, ...ONE_THREAD };
  const unsetForThePeer: Record<string, string> = {};
  for (const name of ['OPENBLAS_CORETYPE', 'OPENBLAS_L2_SIZE']) {
    if (env[name] !== undefined) unsetForThePeer[name] = env[name];
    delete env[name];
  }
  const args = [script, dir, '--rank', String(o.rank), '--iterations', String(o.iterations), '--reg', String(o.regParam), '--solve', o.solve];
  const r = spawnSync(python, args, { env, encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`the numpy peer failed:\n${r.stderr}`);
  const out = JSON.parse(r.stdout) as Omit<PeerRun, 'unsetForThePeer'>;
  return { ...out, unsetForThePeer };
}
