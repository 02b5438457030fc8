/**
 * Which of the studio's panels are shown: the palette (left), the inspector (right), the preview (bottom) and the
 * canvas's overview map. A setting of this browser, kept in localStorage, not of the flow: it fits the screen.
 */

export type PanelName = 'palette' | 'inspector' | 'preview' | 'overview';
export type PanelPrefs = Readonly<Record<PanelName, boolean>>;

export const PANEL_NAMES: readonly PanelName[] = ['palette', 'inspector', 'preview', 'overview'];
export const DEFAULT_PANELS: PanelPrefs = { palette: true, inspector: true, preview: true, overview: true };

/**
 * The key that shows or hides each panel (when the user is not typing), shown in its button's title. Brackets for
 * the side panels, as the panel lies; backslash for the bottom one; `m` for the map.
 */
export const PANEL_KEYS: Readonly<Record<PanelName, string>> = { palette: '[', inspector: ']', preview: '\\', overview: 'm' };

export const PANEL_LABELS: Readonly<Record<PanelName, string>> = {
  palette: 'Blocks panel',
  inspector: 'Inspector panel',
  preview: 'Preview panel',
  overview: 'Overview map',
};

/** The saved prefs, each missing or unreadable entry at its default: a setting saved by an older studio still loads. */
export function parsePanelPrefs(text: string | null | undefined): PanelPrefs {
  let saved: unknown;
  try {
    saved = text ? JSON.parse(text) : undefined;
  } catch {
    saved = undefined;
  }
  const record = typeof saved === 'object' && saved !== null ? (saved as Record<string, unknown>) : {};
  const prefs = { ...DEFAULT_PANELS };
  for (const name of PANEL_NAMES) {
    const value = record[name];
    if (typeof value === 'boolean') prefs[name] = value;
  }
  return prefs;
}

/** The panel a key press toggles, if any: plain keys only, so Ctrl+[ and friends keep their own meaning. */
export function panelForKey(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): PanelName | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  return PANEL_NAMES.find((name) => PANEL_KEYS[name] === event.key.toLowerCase());
}

/**
 * The app grid's tracks: a hidden side panel takes no width and a hidden preview no height (nor does its splitter),
 * so the canvas gets the room. `previewShare` is the preview's share of the window height while it shows.
 */
export function appGridTracks(prefs: PanelPrefs, previewShare: number): { columns: string; rows: string } {
  const columns = `${prefs.palette ? 'var(--palette-width)' : '0px'} minmax(0, 1fr) ${prefs.inspector ? 'var(--inspector-width)' : '0px'}`;
  const rows = prefs.preview ? `auto auto minmax(0, 1fr) 6px ${Math.round(previewShare * 100)}vh` : 'auto auto minmax(0, 1fr) 0px 0px';
  return { columns, rows };
}
