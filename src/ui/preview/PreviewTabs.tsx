import type { JSX, KeyboardEvent } from 'react';

/** `model`: the Training tab of a training block, or the Evaluation tab of an evaluate block. */
export type PreviewTab = 'data' | 'profile' | 'chart' | 'model';

const GENERAL_TABS: readonly { tab: PreviewTab; label: string }[] = [
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

interface PreviewTabsProps {
  idBase: string;
  active: PreviewTab;
  onChange(tab: PreviewTab): void;
  /** The label of the model tab, for blocks that have one. */
  modelLabel?: string | undefined;
}

/** The Data / Profile / Chart (and Training or Evaluation) tabs, with the arrow-key navigation of the ARIA tabs pattern. */
export function PreviewTabs({ idBase, active, onChange, modelLabel }: PreviewTabsProps): JSX.Element {
  const tabs = modelLabel === undefined ? GENERAL_TABS : [...GENERAL_TABS, { tab: 'model' as const, label: modelLabel }];
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>): void {
    const at = tabs.findIndex((t) => t.tab === active);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    const target = e.key === 'Home' ? tabs[0] : e.key === 'End' ? tabs[tabs.length - 1] : step ? tabs[(at + step + tabs.length) % tabs.length] : undefined;
    if (!target) return;
    e.preventDefault();
    onChange(target.tab);
    document.getElementById(tabId(idBase, target.tab))?.focus();
  }

  return (
    <div className="preview-tabs" role="tablist" aria-label="Preview views" onKeyDown={onKeyDown}>
      {tabs.map(({ tab, label }) => (
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
