import type { ModelTab } from './form-types';

/** The Training tab of a block that trains a model: its live progress, then the model it trained. Opens first. */
export const trainingTab = (): ModelTab => ({ kind: 'training', label: 'Training', byDefault: true });

/** The Evaluation tab: the crosstab of observed × predicted ratings. */
export const evaluationTab = (): ModelTab => ({ kind: 'evaluation', label: 'Evaluation', byDefault: false });
