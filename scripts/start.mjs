#!/usr/bin/env node
// `npm start`. The studio (the browser app) is not built yet, so this checks the sample flow with the CLI and shows
// how to run it. When the studio lands, this script serves it instead.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wrangle = join(root, 'bin', 'wrangle.mjs');
const flow = 'sample-data/flows/music-recommendation.flow.json';

console.log('Wrangle Studio: the browser studio is not part of this build yet; the wrangle CLI is.\n');
const check = spawnSync(process.execPath, [wrangle, 'validate', flow, '--data', 'sample-data/music'], { cwd: root, stdio: 'inherit' });
if (check.status !== 0) process.exit(check.status ?? 1);
console.log(`
Run the music workshop flow on the bundled sample data:

  npx wrangle run ${flow} --data sample-data/music --out out/

Other commands:

  npx wrangle sql ${flow} --data sample-data/music     # the flow as one DuckDB script
  npx wrangle --help
`);
