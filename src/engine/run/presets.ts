/**
 * How a host runs a flow, by name. Each preset is a choice the host makes once, so a call site says what it is (the
 * studio, the CLI, a script) instead of setting five flags that must agree.
 */
export interface RunPreset {
  /**
   * How results are kept. `table`: every block's result is materialised (the studio, for instant previews).
   * `auto`: views, except where a table pays (see materialize-policy.ts): the CLI, so DuckDB streams one pipeline.
   * `view`: views only (a script of the flow, which runs nothing).
   */
  materialize: 'table' | 'auto' | 'view';
  /** Which results get a row count: every one, tables only (cheap: DuckDB says it when it writes them), or none. */
  countRows: 'all' | 'tables' | 'none';
  /** Stop at the first failing block, or keep running the branches that do not depend on it. */
  stopOnError: boolean;
  /**
   * Drop a block's previous result before computing its new one, so an edit never holds the old and the new table
   * of every downstream block at once: at a million rows that is what runs a browser tab out of memory.
   */
  dropSuperseded: boolean;
  /** Write no exports and train nothing: only create the (view) relations and record the script. */
  dryRun: boolean;
  /**
   * Let a block that reads a file make its table as it reads it (ReadSourceContext.loadResult): an import's strict
   * check is then its load. Off where an edit keeps the previous result until the new one is read (the studio).
   */
  loadWhileReading: boolean;
}

export const RUN_PRESETS = {
  /** The studio: every result a table, counted; a failure blocks only its branch; an edit drops what it replaces. */
  studio: { materialize: 'table', countRows: 'all', stopOnError: false, dropSuperseded: true, dryRun: false, loadWhileReading: false },
  /** `wrangle run`: views except where a table pays; the first failure stops the run (no output is published). */
  cli: { materialize: 'auto', countRows: 'tables', stopOnError: true, dropSuperseded: false, dryRun: false, loadWhileReading: true },
  /** `wrangle sql` and `wrangle validate`: the flow as a script of views, checked by DuckDB, with nothing run. */
  script: { materialize: 'view', countRows: 'none', stopOnError: true, dropSuperseded: false, dryRun: true, loadWhileReading: false },
  /** Tools that read every result afterwards (the Data Wrangler import check, tests): tables, counted, all kept. */
  inspect: { materialize: 'table', countRows: 'all', stopOnError: false, dropSuperseded: false, dryRun: false, loadWhileReading: true },
} as const satisfies Record<string, RunPreset>;

export type RunPresetName = keyof typeof RUN_PRESETS;
