import type { SparkEmitter } from '../spark/contract';
import { aggregateSpark } from './aggregate/spark';
import { concatSpark } from './concat/spark';
import { evaluateSpark } from './evaluate/spark';
import { exportSpark } from './export/spark';
import { filterSpark } from './filter/spark';
import { formulaSpark } from './formula/spark';
import { importSpark } from './import/spark';
import { joinSpark } from './join/spark';
import { manageColumnsSpark } from './manage-columns/spark';
import { manageRowsSpark } from './manage-rows/spark';
import { missingSpark } from './missing/spark';
import { multiHotSpark } from './multi-hot/spark';
import { oneHotSpark } from './one-hot/spark';
import { ordinalSpark } from './ordinal/spark';
import { predictSpark } from './predict/spark';
import { recommendSpark } from './recommend/spark';
import { sampleSpark } from './sample/spark';
import { scaleSpark } from './scale/spark';
import { similarItemsSpark } from './similar-items/spark';
import { splitSpark } from './split/spark';
import { sqlSpark } from './sql/spark';
import { trainAlsSpark } from './train-als/spark';
import { tuneSpark } from './tune/spark';
import { typesSpark } from './types/spark';
import type { BlockKind } from './registry';

/**
 * The kinds `wrangle pyspark` translates, each by the emitter in its folder (`<kind>/spark.ts`). Explicit, like
 * blockRegistry; a kind not listed is refused at export time with E_SPARK_UNSUPPORTED.
 */
export const sparkRegistry = {
  import: importSpark,
  types: typesSpark,
  missing: missingSpark,
  scale: scaleSpark,
  'one-hot': oneHotSpark,
  ordinal: ordinalSpark,
  'multi-hot': multiHotSpark,
  formula: formulaSpark,
  sql: sqlSpark,
  aggregate: aggregateSpark,
  'manage-columns': manageColumnsSpark,
  filter: filterSpark,
  'manage-rows': manageRowsSpark,
  sample: sampleSpark,
  join: joinSpark,
  concat: concatSpark,
  split: splitSpark,
  export: exportSpark,
  'train-als': trainAlsSpark,
  tune: tuneSpark,
  predict: predictSpark,
  evaluate: evaluateSpark,
  recommend: recommendSpark,
  'similar-items': similarItemsSpark,
} as const satisfies Partial<Record<BlockKind, unknown>>;

/** The kinds with a PySpark emitter. */
export const sparkKinds = Object.keys(sparkRegistry) as (keyof typeof sparkRegistry)[];

/** A kind's emitter with its parameter types erased (params were parsed by the kind's own schema), if it has one. */
export function sparkEmitter(kind: BlockKind): SparkEmitter<never, never> | undefined {
  return Object.hasOwn(sparkRegistry, kind) ? (sparkRegistry[kind as keyof typeof sparkRegistry] as unknown as SparkEmitter<never, never>) : undefined;
}
