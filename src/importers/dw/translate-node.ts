import { TranslationError } from './expr/ast';
import type { NodeContext, NodeTranslation } from './drafts';
import { shortOperator } from './dw-flow';
import { translateHandleMissing, translateHandleOutliers, translateProcessNumeric } from './operators/cleaning';
import { translateJoin, translateManageColumns, translateManageRows } from './operators/columns-rows';
import { translateCustomCode } from './operators/custom-code';
import { translateDataset, translateDestination, translateVisualization } from './operators/outputs';
import { translateSampling, translateSplit } from './operators/sampling-split';
import { translateSource } from './operators/sources';
import { translateCustomFormula, translateFormatString, translateSearchAndEdit } from './operators/strings';
import { translateCast, translateEncode, translateInferTypes } from './operators/types-and-encoding';

type Translator = (ctx: NodeContext) => NodeTranslation | Promise<NodeTranslation>;

/** TRANSFORM operators by their short name (`sagemaker.spark.join_tables_0.1` → `join_tables`). */
const transforms: Record<string, Translator> = {
  infer_and_cast_type: translateInferTypes,
  cast_single_data_type: translateCast,
  encode_categorical: translateEncode,
  custom_formula: translateCustomFormula,
  join_tables: translateJoin,
  join_multi_keys: translateJoin,
  join_tables_multi_keys: translateJoin,
  manage_columns: translateManageColumns,
  manage_rows: translateManageRows,
  handle_missing: translateHandleMissing,
  handle_outliers: translateHandleOutliers,
  process_numeric: translateProcessNumeric,
  format_string: translateFormatString,
  search_and_edit: translateSearchAndEdit,
  sampling: translateSampling,
  split: translateSplit,
  custom_code: translateCustomCode,
  custom_pyspark: translateCustomCode,
  custom_sql: translateCustomCode,
  custom_pandas: translateCustomCode,
  custom_udf: translateCustomCode,
};

/** Translates one node by its type and operator; throws a TranslationError when there is no translation. */
export function translateNode(ctx: NodeContext): NodeTranslation | Promise<NodeTranslation> {
  const { type, operator } = ctx.node;
  switch (type) {
    case 'SOURCE':
      return translateSource(ctx);
    case 'DATASET':
      return translateDataset(ctx);
    case 'DESTINATION':
      return translateDestination(ctx);
    case 'VISUALIZATION':
      return translateVisualization(ctx);
    case 'TRANSFORM': {
      const translate = transforms[shortOperator(operator)];
      if (!translate) throw new TranslationError(`the operator ${operator} is not known to this importer`);
      return translate(ctx);
    }
    default:
      throw new TranslationError(`the node type ${type} is not known to this importer`);
  }
}
