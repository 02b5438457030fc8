import type { JSX } from 'react';
import { PANEL_KEYS, PANEL_LABELS, type PanelName } from './panel-prefs';
import { togglePanel, usePanelPrefs } from './use-panel-prefs';

/** What each panel is, for the button's title. */
const PANEL_PURPOSE: Readonly<Record<PanelName, string>> = {
  palette: 'the blocks to add (left)',
  inspector: "the selected block's settings (right)",
  preview: "the selected block's output (bottom)",
  overview: 'the overview map of the flow',
};

/** A little picture of the panel: a window with that side filled in. */
const PANEL_ICONS: Readonly<Record<PanelName, string>> = { palette: '◧', inspector: '◨', preview: '⬓', overview: '▣' };

/**
 * A button that shows or hides one panel. Its name stays the same and `aria-pressed` says whether the panel shows;
 * the title names the key that does the same.
 */
export function PanelToggle({ panel, className }: { panel: PanelName; className?: string }): JSX.Element {
  const shown = usePanelPrefs()[panel];
  return (
    <button
      type="button"
      className={`panel-toggle${shown ? ' panel-toggle--on' : ''}${className ? ` ${className}` : ''}`}
      aria-pressed={shown}
      aria-label={PANEL_LABELS[panel]}
      title={`${shown ? 'Hide' : 'Show'} ${PANEL_PURPOSE[panel]} (${PANEL_KEYS[panel]})`}
      onClick={() => togglePanel(panel)}
      data-testid={`toggle-${panel}`}
    >
      <span aria-hidden="true">{PANEL_ICONS[panel]}</span>
    </button>
  );
}

/** The top bar's panel buttons: blocks, preview, inspector, in the order they lie left to right. */
export function PanelToggles(): JSX.Element {
  return (
    <nav className="topbar__group topbar__panels" aria-label="Panels">
      <PanelToggle panel="palette" />
      <PanelToggle panel="preview" />
      <PanelToggle panel="inspector" />
    </nav>
  );
}
