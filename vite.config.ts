import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { sampleData } from './vite-plugins/sample-data.ts';

export default defineConfig({
  plugins: [react(), sampleData()],
  worker: { format: 'es' },
  build: { target: 'es2022', outDir: 'dist', chunkSizeWarningLimit: 8000 },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  // duckdb-wasm ships its own workers and wasm; pre-bundling them breaks their ?url imports.
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
});
