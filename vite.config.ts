import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { sampleData } from './vite-plugins/sample-data.ts';

/**
 * The Content-Security-Policy of the studio. A flow from someone else must not reach anything the user did not give:
 * `connect-src 'self'` keeps every fetch, XHR and WebSocket (in the page and in its workers, which get the same header)
 * on the app's own origin. duckdb-wasm and the ALS kernel compile wasm (`'wasm-unsafe-eval'`, not `'unsafe-eval'`);
 * the workers are module scripts of the origin; React and plotly set inline styles; downloads are `blob:` links.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "connect-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

// The dev server's React refresh preamble is an inline script, so `vite dev` (and only it) allows inline scripts.
const devContentSecurityPolicy = contentSecurityPolicy.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");

export default defineConfig({
  plugins: [react(), sampleData()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: 'dist',
    chunkSizeWarningLimit: 8000,
    // A small wasm (the ALS kernel) would otherwise be inlined as a data: URL, which `connect-src 'self'` refuses to fetch.
    assetsInlineLimit: (file) => (file.endsWith('.wasm') ? false : undefined),
  },
  server: { host: '127.0.0.1', headers: { 'Content-Security-Policy': devContentSecurityPolicy } },
  preview: { host: '127.0.0.1', headers: { 'Content-Security-Policy': contentSecurityPolicy } },
  // duckdb-wasm ships its own workers and wasm; pre-bundling them breaks their ?url imports.
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
});
