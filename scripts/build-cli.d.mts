/** dist-cli/, where the bundled CLI is written. */
export const cliBundleDir: string;
/** dist-cli/wrangle.mjs, the bundle's entry; it exports `main`. */
export const cliBundlePath: string;
/** Whether the bundle is missing, or a source it was built from changed since. */
export function cliBundleIsStale(): boolean;
/** Builds dist-cli/ (and als.wasm when stale). */
export function buildCli(options?: { quiet?: boolean }): Promise<void>;
/** Rebuilds the bundle (and als.wasm) if stale; returns whether the bundle was rebuilt. */
export function ensureCliBundle(options?: { quiet?: boolean }): Promise<boolean>;
