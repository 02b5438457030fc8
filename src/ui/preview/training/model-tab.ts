/**
 * Which tab the bottom panel shows: the model tab (which blocks get one is in ui/blocks/registry.ts) opens by default
 * on training blocks, unless the user picked another tab for that very block.
 */
import type { ModelTab } from '../../blocks/form-types';
import type { PreviewTab } from '../PreviewTabs';

export type { ModelTab } from '../../blocks/form-types';
export { modelTabOf } from '../../blocks/registry';

/** The user's last tab pick, and the block it was made on. */
export interface TabChoice {
  tab: PreviewTab;
  blockId?: string;
}

export function activeTab(choice: TabChoice, blockId: string | undefined, model: ModelTab | undefined): PreviewTab {
  if (choice.tab === 'model') return model ? 'model' : 'data';
  if (model?.byDefault && choice.blockId !== blockId) return 'model';
  return choice.tab;
}
