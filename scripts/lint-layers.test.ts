import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/testing/run-cli';

// The layer rules in eslint.config.js, run through ESLint's own API on snippets placed (by filePath) inside each
// layer: each refused snippet must be reported under its rule, and each allowed one must pass, so a rule that
// stops matching (a pattern typo, a later config block overriding it) fails here, not silently.
const eslint = new ESLint({ cwd: repoRoot });

async function layerProblems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(repoRoot, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals').map((m) => `${m.ruleId}: ${m.message}`);
}

const imports = (source: string) => `import * as m from '${source}';\nexport const used = m;\n`;
const global = (name: string) => `export const used = typeof ${name};\n`;

const refused: Array<[file: string, code: string]> = [
  ['src/engine/run/probe.ts', imports('../../ml/als')],
  ['src/engine/probe.ts', imports('../ml')],
  ['src/engine/sql/probe.ts', imports('fs')],
  ['src/engine/sql/probe.ts', imports('node:fs')],
  ['src/engine/sql/probe.ts', imports('path')],
  ['src/engine/sql/probe.ts', imports('fs/promises')],
  ['src/ml/probe.ts', imports('os')],
  ['src/ml/probe.ts', imports('child_process')],
  ['src/ml/pool/probe.ts', imports('worker_threads')],
  ['src/importers/dw/probe.ts', imports('url')],
  ['src/importers/dw/probe.ts', imports('crypto')],
  ['src/engine/probe.ts', global('navigator')],
  ['src/engine/probe.ts', global('self')],
  ['src/engine/probe.ts', global('fetch')],
  ['src/ml/kernels/probe.ts', global('navigator')],
  ['src/ml/kernels/probe.ts', global('self')],
  ['src/ml/kernels/probe.ts', global('fetch')],
  ['src/worker/probe.ts', imports('../ui/state/store')],
  ['src/worker/probe.ts', imports('../cli/native-runner')],
  ['src/worker/probe.ts', imports('react')],
  ['src/worker/probe.ts', imports('react-dom/client')],
  ['src/worker/probe.ts', imports('node:fs')],
  ['src/worker/probe.ts', imports('fs')],
];

const allowed: Array<[file: string, code: string]> = [
  ['src/engine/run/probe.ts', imports('../sql/quote')],
  ['src/engine/probe.ts', 'const self = 1;\nexport const used = self;\n'],
  ['src/ml/probe.ts', imports('../engine/model/als-contract')],
  ['src/worker/probe.ts', imports('../ml/pool/worker-core')],
  ['src/worker/probe.ts', imports('@duckdb/duckdb-wasm')],
  ['src/worker/probe.test.ts', imports('node:fs')],
  ['src/engine/run/probe.test.ts', imports('../../ml/model-host')],
  ['src/cli/probe.ts', imports('fs')],
];

describe('eslint layer rules', () => {
  it.each(refused)('%s refuses %j', async (file, code) => {
    expect(await layerProblems(file, code)).toHaveLength(1);
  });

  it.each(allowed)('%s allows %j', async (file, code) => {
    expect(await layerProblems(file, code)).toEqual([]);
  });
});
