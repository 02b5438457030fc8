/**
 * Serves the bundled sample data under `/sample-data/` in dev and preview, and copies it into
 * `dist/sample-data/` at build, so first launch can fetch the music flow and its CSVs from the same origin. The files
 * stay in `sample-data/` only: nothing is duplicated into `public/`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

/** The folders that are served, and which of their files (flat: no subfolders). */
const SERVED: Record<string, RegExp> = {
  flows: /^[\w.-]+\.flow\.json$/,
  music: /^[\w.-]+\.csv$/,
};

const TYPES: Record<string, string> = { json: 'application/json', csv: 'text/csv; charset=utf-8' };

/** The file a `/sample-data/<folder>/<name>` URL names, if it is one that is served. */
function servedFile(root: string, url: string): string | undefined {
  const match = /^\/sample-data\/([a-z]+)\/([^/?#]+)(?:[?#].*)?$/.exec(url);
  if (!match) return undefined;
  const [, folder = '', name = ''] = match;
  const allowed = SERVED[folder];
  if (!allowed?.test(name)) return undefined;
  const path = join(root, folder, name);
  try {
    return statSync(path).isFile() ? path : undefined;
  } catch {
    return undefined;
  }
}

function middleware(root: string, base: string) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const url = req.url ?? '';
    const local = url.startsWith(base) ? `/${url.slice(base.length)}` : url;
    const path = servedFile(root, local);
    if (!path || (req.method !== 'GET' && req.method !== 'HEAD')) {
      next();
      return;
    }
    const body = readFileSync(path);
    res.setHeader('Content-Type', TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream');
    res.setHeader('Content-Length', body.length);
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

/** Every served file, as `<folder>/<name>`. */
function servedFiles(root: string): string[] {
  return Object.entries(SERVED).flatMap(([folder, allowed]) =>
    readdirSync(join(root, folder))
      .filter((name) => allowed.test(name) && statSync(join(root, folder, name)).isFile())
      .map((name) => `${folder}/${name}`),
  );
}

export function sampleData(options: { dir?: string } = {}): Plugin {
  let root = resolve(options.dir ?? 'sample-data');
  let base = '/';
  return {
    name: 'wrangle-sample-data',
    configResolved(config) {
      root = resolve(config.root, options.dir ?? 'sample-data');
      base = config.base;
    },
    configureServer(server) {
      server.middlewares.use(middleware(root, base));
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware(root, base));
    },
    generateBundle() {
      for (const file of servedFiles(root)) {
        this.emitFile({ type: 'asset', fileName: `sample-data/${file}`, source: readFileSync(join(root, file)) });
      }
    },
  };
}
