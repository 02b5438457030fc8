import type { JSX, KeyboardEvent } from 'react';

export type PreviewTab = 'data' | 'profile' | 'chart';

const TABS: readonly { tab: PreviewTab; label: string }[] = [
  { tab: 'data', label: 'Data' },
  { tab: 'profile', label: 'Profile' },
  { tab: 'chart', label: 'Chart' },
];

export function tabId(idBase: string, tab: PreviewTab): string {
  return `${idBase}-tab-${tab}`;
}

export function panelId(idBase: string, tab: PreviewTab): string {
  return `${idBase}-panel-${tab}`;
}

/** The Data / Profile / Chart tabs, with the arrow-key navigation of the ARIA tabs pattern. */
export function PreviewTabs({ idBase, active, onChange }: { idBase: string; active: PreviewTab; onChange(tab: PreviewTab): void }): JSX.Element {
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>): void {
    const at = TABS.findIndex((t) => t.tab === active);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    const target = e.key === 'Home' ? TABS[0] : e.key === 'End' ? TABS[TABS.length - 1] : step ? TABS[(at + step + TABS.length) % TABS.length] : undefined;
    if (!target) return;
    e.preventDefault();
    onChange(target.tab);
    document.getElementById(tabId(idBase, target.tab))?.focus();
  }

  return (
    <div className="preview-tabs" role="tablist" aria-label="Preview views" onKeyDown={onKeyDown}>
      {TABS.map(({ tab, label }) => (
        <button
          key={tab}
          id={tabId(idBase, tab)}
          type="button"
          role="tab"
          className="preview-tab"
          aria-selected={tab === active}
          aria-controls={panelId(idBase, tab)}
          tabIndex={tab === active ? 0 : -1}
          onClick={() => onChange(tab)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
