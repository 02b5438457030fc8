import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', outDir: 'dist', chunkSizeWarningLimit: 8000 },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  // duckdb-wasm ships its own workers and wasm; pre-bundling them breaks their ?url imports.
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
});
