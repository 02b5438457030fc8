/**
 * Which blocks get the model tab of the bottom panel, and which tab the panel shows: the Training tab opens by
 * default on training blocks, unless the user picked another tab for that very block.
 */
import type { FlowBlock } from '../../../engine/flow/schema';
import type { PreviewTab } from '../PreviewTabs';

export interface ModelTab {
  /** What the tab shows: a training's progress and model, or an evaluation's crosstab. */
  kind: 'training' | 'evaluation';
  label: string;
  /** Shown first when the block is selected. */
  byDefault: boolean;
}

export function modelTabOf(block: FlowBlock | undefined): ModelTab | undefined {
  if (block?.kind === 'train-als' || block?.kind === 'tune') return { kind: 'training', label: 'Training', byDefault: true };
  // Only rating mode has a crosstab (observed × predicted) to draw.
  if (block?.kind === 'evaluate' && block.params.mode === 'rating') return { kind: 'evaluation', label: 'Evaluation', byDefault: false };
  return undefined;
}

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
