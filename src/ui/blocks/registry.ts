import { AggregateForm } from './aggregate/Form';
import { ConcatForm } from './concat/Form';
import { distanceNames } from './evaluate/distance-names';
import { EvaluateForm } from './evaluate/Form';
import { ExportForm } from './export/Form';
import { FilterForm } from './filter/Form';
import type { BlockKind } from '../../engine/blocks/registry';
import type { FlowBlock } from '../../engine/flow/schema';
import type { BlockFormRegistry, BlockResultViewRegistry, ModelTab } from './form-types';
import { CsvReadBanner } from './import/CsvReadBanner';
import { DATA_FILE_ACCEPT, importParamsFor } from './import/import-files';
import { evaluationTab, trainingTab } from './model-tabs';
import { FormulaForm } from './formula/Form';
import { ImportForm } from './import/Form';
import { JoinForm } from './join/Form';
import { ManageColumnsForm } from './manage-columns/Form';
import { ManageRowsForm } from './manage-rows/Form';
import { MissingForm } from './missing/Form';
import { MultiHotForm } from './multi-hot/Form';
import { OneHotForm } from './one-hot/Form';
import { OrdinalForm } from './ordinal/Form';
import { ColdStartBanner } from './predict/ColdStartBanner';
import { PredictForm } from './predict/Form';
import { RecommendForm } from './recommend/Form';
import { SampleForm } from './sample/Form';
import { ScaleForm } from './scale/Form';
import { SimilarItemsForm } from './similar-items/Form';
import { SplitForm } from './split/Form';
import { SqlForm } from './sql/Form';
import { TrainAlsForm } from './train-als/Form';
import { TuneForm } from './tune/Form';
import { TypesForm } from './types/Form';
import { UnsupportedForm } from './unsupported/Form';

/**
 * The settings form of every block kind, in palette order. Explicit, like the engine's registry: a kind without a
 * form here does not compile.
 */
export const blockFormRegistry = {
  import: ImportForm,
  types: TypesForm,
  missing: MissingForm,
  scale: ScaleForm,
  'one-hot': OneHotForm,
  ordinal: OrdinalForm,
  'multi-hot': MultiHotForm,
  formula: FormulaForm,
  sql: SqlForm,
  aggregate: AggregateForm,
  'manage-columns': ManageColumnsForm,
  filter: FilterForm,
  'manage-rows': ManageRowsForm,
  sample: SampleForm,
  join: JoinForm,
  concat: ConcatForm,
  split: SplitForm,
  'train-als': TrainAlsForm,
  tune: TuneForm,
  predict: PredictForm,
  evaluate: EvaluateForm,
  recommend: RecommendForm,
  'similar-items': SimilarItemsForm,
  unsupported: UnsupportedForm,
  export: ExportForm,
} as const satisfies BlockFormRegistry;

/** What the studio shows of a block's report besides its rows, for the kinds that have something to show. */
export const blockResultViews = {
  import: { Banner: CsvReadBanner },
  'train-als': { modelTab: trainingTab },
  tune: { modelTab: trainingTab },
  predict: { Banner: ColdStartBanner },
  // Only rating mode has a crosstab (observed × predicted) to draw.
  evaluate: { modelTab: (p) => (p.mode === 'rating' ? evaluationTab(distanceNames(p.step)) : undefined) },
} as const satisfies BlockResultViewRegistry;

/** A kind's result views with its types erased, for the panel that shows every kind alike. */
interface AnyResultViews {
  Banner?: (props: { report: unknown; blockId: string }) => ReturnType<typeof CsvReadBanner>;
  modelTab?(params: unknown): ModelTab | undefined;
}

export function resultViewsOf(kind: BlockKind): AnyResultViews {
  // The report and params handed to these views come from a block of this same kind.
  return ((blockResultViews as BlockResultViewRegistry)[kind] ?? {}) as AnyResultViews;
}

/** The model tab a block gets, if any. */
export function modelTabOf(block: FlowBlock | undefined): ModelTab | undefined {
  return block ? resultViewsOf(block.kind).modelTab?.(block.params) : undefined;
}

/** The kind a data file the user drops or picks becomes, the files it takes, and its params for one such file. */
export const fileReaderBlock = { kind: 'import' satisfies BlockKind, accept: DATA_FILE_ACCEPT, paramsFor: importParamsFor } as const;

