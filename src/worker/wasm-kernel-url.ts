// Vite serves the kernel built by `npm run build:wasm` as a file of the app (never inlined as a data: URL, which the
// studio's `connect-src 'self'` would refuse: see vite.config.ts), so nothing is fetched from outside the origin.
import alsWasmUrl from '../ml/kernels/wasm/build/als.wasm?url';

/** The compiled ALS kernel module: pass it to `createWasmKernel`, or post it to the training workers. */
export async function fetchAlsWasmModule(): Promise<WebAssembly.Module> {
  const response = await fetch(alsWasmUrl);
  if (!response.ok) throw new Error(`Could not load the ALS kernel (${alsWasmUrl}): HTTP ${response.status}`);
  return WebAssembly.compile(await response.arrayBuffer());
}
