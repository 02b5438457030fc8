import type { DistanceNames, ModelTab } from './form-types';

/** The Training tab of a block that trains a model: its live progress, then the model it trained. Opens first. */
export const trainingTab = (): ModelTab => ({ kind: 'training', label: 'Training', byDefault: true });

/** The Evaluation tab: RMSE, MAE, the error distances in the scale's words, and the observed × predicted crosstab. */
export const evaluationTab = (distances: DistanceNames): ModelTab => ({ kind: 'evaluation', label: 'Evaluation', byDefault: false, distances });
