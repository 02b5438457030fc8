/**
 * duckdb-wasm's own Node build (the same wasm the browser runs, blocking bindings) behind the WasmDatabase seam, so
 * the studio's runner and engine session are tested in `npm test` without a browser.
 */
import { createRequire } from 'node:module';
import { createDuckDB, DuckDBDataProtocol, NODE_RUNTIME, VoidLogger, type DuckDBBindings } from '@duckdb/duckdb-wasm/blocking';
import { CancellableConnection } from '../worker/cancellable-connection';
import { EXPORT_DIR, type WasmDatabase } from '../worker/wasm-database';

const require = createRequire(import.meta.url);
const dist = (file: string): string => require.resolve(`@duckdb/duckdb-wasm/dist/${file}`);

/**
 * The Node runtime maps every unregistered path onto the real disk. In the browser, a file the engine writes that
 * nobody registered lives in wasm memory ("Buffering missing file" in duckdb-wasm's browser runtime). This does the
 * same for the export directory, so COPY … TO and copyFileToBuffer follow the browser's path, not the disk's.
 */
/** The two parts of the Emscripten module used here (its types come from @types/emscripten, which is not installed). */
interface WasmHeap {
  _malloc(bytes: number): number;
  HEAPF64: Float64Array;
}

const runtime: typeof NODE_RUNTIME = {
  ...NODE_RUNTIME,
  openFile(mod, fileId, flags) {
    const info = NODE_RUNTIME.resolveFileInfo(mod, fileId);
    if (info?.dataProtocol !== DuckDBDataProtocol.NODE_FS || !info.dataUrl?.startsWith(EXPORT_DIR)) {
      return NODE_RUNTIME.openFile(mod, fileId, flags);
    }
    const FILE_FLAGS_NULL_IF_NOT_EXISTS = 128;
    if (flags & FILE_FLAGS_NULL_IF_NOT_EXISTS) return 0;
    // The answer is three doubles: size, the address of an in-memory buffer, and a modification time.
    const heap = mod as unknown as WasmHeap;
    const answer = heap._malloc(3 * 8);
    const buffer = heap._malloc(1);
    heap.HEAPF64.set([1, buffer, 0], answer >> 3);
    return answer;
  },
};

export interface WasmInNode extends WasmDatabase {
  close(): void;
}

/** A fresh duckdb-wasm instance (the eh bundle) in this process. */
export async function openWasmInNode(): Promise<WasmInNode> {
  const bundles = {
    mvp: { mainModule: dist('duckdb-mvp.wasm'), mainWorker: dist('duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: dist('duckdb-eh.wasm'), mainWorker: dist('duckdb-node-eh.worker.cjs') },
  };
  const db: DuckDBBindings = await createDuckDB(bundles, new VoidLogger(), runtime);
  await db.instantiate(() => undefined);
  db.open({});
  const conn = db.connect();
  const id = conn.useUnsafe((_, c) => c);
  const statements = new CancellableConnection(db, id);
  return {
    run: (sql) => statements.run(sql),
    cancel: () => statements.cancel(),
    registerBuffer: (name, bytes) => Promise.resolve(db.registerFileBuffer(name, bytes)),
    // Node has no file handles for the wasm to read from: a File is read whole, which tests can afford.
    registerFile: async (name, file) => db.registerFileBuffer(name, new Uint8Array(await file.arrayBuffer())),
    dropFile: (name) => Promise.resolve(db.dropFile(name)),
    copyFileToBuffer: (name) => Promise.resolve(db.copyFileToBuffer(name)),
    insertArrowIpc: (table, ipc) => statements.exclusive(() => conn.insertArrowFromIPCStream(ipc, { name: table })),
    insertJsonFromPath: (table, path) => statements.exclusive(() => conn.insertJSONFromPath(path, { name: table })),
    tokenize: (sql) => Promise.resolve(db.tokenize(sql)),
    // The blocking bindings throw; thrown inside the executor, that rejects, as the browser's bindings do.
    tableNames: (sql) => statements.exclusive(() => conn.getTableNames(sql)),
    close: () => {
      conn.close();
      db.reset();
    },
  };
}
