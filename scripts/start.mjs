#!/usr/bin/env node
// `npm start`: builds the studio and serves the built app on 127.0.0.1, printing its URL. The sample music flow
// opens on the bundled data at first launch.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const port = process.env.PORT ?? '4173';

console.log('Building the studio …');
const build = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const server = spawn(process.execPath, [vite, 'preview', '--host', '127.0.0.1', '--port', port], { cwd: root, stdio: ['inherit', 'pipe', 'inherit'] });
let announced = false;
server.stdout.on('data', (chunk) => {
  const text = String(chunk);
  process.stdout.write(text);
  if (!announced && text.includes('http://')) {
    announced = true;
    console.log(`\nWrangle Studio is running at http://127.0.0.1:${port}/ (Ctrl+C stops it).`);
    console.log('The command line runs the same flows: npx wrangle --help\n');
  }
});
server.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
