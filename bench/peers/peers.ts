/**
 * The peers of the core bench: the music workshop written as an analyst would in polars and in pandas (the scripts
 * beside this file), run by a project-local virtual environment (`.venv-bench/`, git-ignored) that is created from
 * the pinned requirements.txt when missing or stale. A peer whose Python or library is missing is skipped, with why.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../src/testing/run-cli';

export const PEER_NAMES = ['polars', 'pandas'] as const;
export type PeerName = (typeof PEER_NAMES)[number];

const LIBRARY: Record<PeerName, string> = { polars: 'polars', pandas: 'pandas, pyarrow' };
const venv = join(repoRoot, '.venv-bench');
const python = join(venv, 'bin', 'python');
const requirements = join(repoRoot, 'bench', 'peers', 'requirements.txt');
const stamp = join(venv, 'installed-requirements.txt');

export interface PeerRun {
  wallSeconds: number;
  trainRows: number;
  testRows: number;
  columns: string[];
}

export interface Peers {
  ready: PeerName[];
  skipped: { peer: PeerName; reason: string }[];
}

/** Makes the virtual environment when missing or older than requirements.txt, then checks each peer imports. */
export function preparePeers(wanted: readonly PeerName[]): Peers {
  const skipAll = (reason: string): Peers => ({ ready: [], skipped: wanted.map((peer) => ({ peer, reason })) });
  if (wanted.length === 0) return { ready: [], skipped: [] };
  if (spawnSync('python3', ['--version']).status !== 0) return skipAll('python3 is not installed');
  const pinned = readFileSync(requirements, 'utf8');
  if (!existsSync(python) || !existsSync(stamp) || readFileSync(stamp, 'utf8') !== pinned) {
    console.log(`installing the peers' Python packages into ${venv} …`);
    const made = existsSync(python) || spawnSync('python3', ['-m', 'venv', venv], { stdio: 'inherit' }).status === 0;
    if (!made) return skipAll('python3 could not create a virtual environment (is python3-venv installed?)');
    const pip = spawnSync(python, ['-m', 'pip', 'install', '--quiet', '-r', requirements], { stdio: 'inherit' });
    if (pip.status === 0) writeFileSync(stamp, pinned);
  }
  const peers: Peers = { ready: [], skipped: [] };
  for (const peer of wanted) {
    const check = spawnSync(python, ['-c', `import ${LIBRARY[peer]}`], { encoding: 'utf8' });
    if (check.status === 0) peers.ready.push(peer);
    else peers.skipped.push({ peer, reason: `${LIBRARY[peer]} is missing from ${venv}: ${check.stderr.trim().split('\n').pop() ?? ''}` });
  }
  return peers;
}

/** Runs one peer on a data folder, writing train and test into `out`; the wall time includes Python's start-up, as `wrangle run`'s includes Node's. */
export function runPeer(peer: PeerName, data: string, out: string, format: 'csv' | 'parquet'): Promise<PeerRun> {
  const script = join(repoRoot, 'bench', 'peers', `workshop_${peer}.py`);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(python, [script, '--data', data, '--out', out, '--format', format], { maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`${peer} failed:\n${stderr}`));
      const wallSeconds = (performance.now() - started) / 1000;
      const printed = JSON.parse(stdout.trim().split('\n').pop()!) as Omit<PeerRun, 'wallSeconds'>;
      resolve({ ...printed, wallSeconds });
    });
  });
}
