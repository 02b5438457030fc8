import { AggregateForm } from './aggregate/Form';
import { ConcatForm } from './concat/Form';
import { EvaluateForm } from './evaluate/Form';
import { ExportForm } from './export/Form';
import { FilterForm } from './filter/Form';
import type { BlockFormRegistry } from './form-types';
import { FormulaForm } from './formula/Form';
import { ImportForm } from './import/Form';
import { JoinForm } from './join/Form';
import { ManageColumnsForm } from './manage-columns/Form';
import { ManageRowsForm } from './manage-rows/Form';
import { MissingForm } from './missing/Form';
import { MultiHotForm } from './multi-hot/Form';
import { OneHotForm } from './one-hot/Form';
import { OrdinalForm } from './ordinal/Form';
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
