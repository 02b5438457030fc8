import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Defined by scripts/build-cli.mjs in the bundle (dist-cli/ sits elsewhere than src/cli/); undefined from source.
declare const WRANGLE_BUNDLED_ALS_WASM: string | undefined;

/** The compiled ALS kernel: a build output (scripts/ensure-wasm.mjs), never compiled here. */
export const alsWasmPath = fileURLToPath(
  new URL(typeof WRANGLE_BUNDLED_ALS_WASM === 'string' ? WRANGLE_BUNDLED_ALS_WASM : '../ml/kernels/wasm/build/als.wasm', import.meta.url),
);

/** The ALS kernel's WebAssembly bytes, for `createWasmKernel`. */
export function readAlsWasm(): Uint8Array<ArrayBuffer> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(alsWasmPath);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    throw new Error(`The ALS kernel ${alsWasmPath} is missing: build it with \`npm run build:wasm\`.`);
  }
  // Copied into its own ArrayBuffer: a Buffer may sit in Node's shared pool, which BufferSource does not accept.
  return new Uint8Array(bytes);
}
