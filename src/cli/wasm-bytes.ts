import { readFileSync } from 'node:fs';
import { alsWasmPath, ensureAlsWasm } from '../../scripts/ensure-wasm.mjs';

/** The ALS kernel's WebAssembly bytes, for `createWasmKernel`; compiled from source first if missing or stale. */
export function readAlsWasm(): Uint8Array<ArrayBuffer> {
  ensureAlsWasm();
  // Copied into its own ArrayBuffer: a Buffer may sit in Node's shared pool, which BufferSource does not accept.
  return new Uint8Array(readFileSync(alsWasmPath));
}
