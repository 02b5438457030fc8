/**
 * Starts duckdb-wasm in the browser from the bundles served with the app (Vite `?url` imports: nothing is fetched
 * from outside the origin). `selectBundle` picks the exception-handling build where the browser has wasm exceptions,
 * which needs no cross-origin isolation; duckdb-wasm runs in its own worker, nested in the engine worker.
 */
import {
  AsyncDuckDB,
  DuckDBDataProtocol,
  VoidLogger,
  selectBundle,
  type AsyncDuckDBConnection,
} from '@duckdb/duckdb-wasm';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehModule from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpModule from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import { CancellableConnection } from './cancellable-connection';
import type { WasmDatabase } from './wasm-database';

/** Opens an in-memory database. `onCrash` hears when duckdb-wasm's own worker dies, after which it cannot answer. */
export async function openBrowserDatabase(onCrash: (message: string) => void): Promise<WasmDatabase> {
  const bundle = await selectBundle({
    mvp: { mainModule: mvpModule, mainWorker: mvpWorker },
    eh: { mainModule: ehModule, mainWorker: ehWorker },
  });
  const worker = new Worker(bundle.mainWorker!);
  worker.addEventListener('error', (e) => onCrash(e.message || 'the DuckDB worker failed'));
  const db = new AsyncDuckDB(new VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  await db.open({});
  return browserDatabase(db, await db.connect());
}

function browserDatabase(db: AsyncDuckDB, conn: AsyncDuckDBConnection): WasmDatabase {
  const id = conn.useUnsafe((_, c) => c);
  const statements = new CancellableConnection(db, id);
  return {
    run: (sql) => statements.run(sql),
    cancel: () => statements.cancel(),
    registerBuffer: (name, bytes) => db.registerFileBuffer(name, bytes),
    registerFile: (name, file) => db.registerFileHandle(name, file, DuckDBDataProtocol.BROWSER_FILEREADER, true),
    dropFile: async (name) => {
      await db.dropFile(name);
    },
    copyFileToBuffer: (name) => db.copyFileToBuffer(name),
    insertArrowIpc: (table, ipc) => statements.exclusive(() => conn.insertArrowFromIPCStream(ipc, { name: table })),
    insertJsonFromPath: (table, path) => statements.exclusive(() => conn.insertJSONFromPath(path, { name: table })),
    tokenize: (sql) => db.tokenize(sql),
    tableNames: (sql) => statements.exclusive(() => conn.getTableNames(sql)),
  };
}
