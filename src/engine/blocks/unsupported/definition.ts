import { z } from 'zod';
import { fail } from '../../errors/catalog';
import { defineBlock } from '../contract';

const portName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]{0,31}$/, 'letters, digits, _ and - only');

const params = z
  .object({
    /** The original step's operator, e.g. `sagemaker.spark.custom_pandas_0.1`. */
    operator: z.string().min(1).max(200),
    /** Where the step came from: the tool it was imported from and its node id there. */
    origin: z.string().max(200).optional(),
    /** The original code (pandas, a UDF, PySpark that could not be translated), kept verbatim. */
    code: z.string().max(100_000).optional(),
    /** The original parameters, kept verbatim so nothing of the step is lost. */
    parameters: z.record(z.string(), z.unknown()).default({}),
    /** Why the step could not be translated. */
    reason: z.string().max(2_000).optional(),
    /** Input ports, in the original step's input order. */
    inputs: z.array(portName).max(4).default(['in']),
    /** Output ports, by the original step's output names. */
    outputs: z.array(portName).min(1).max(8).default(['out']),
  })
  .strict();

export type UnsupportedParams = z.infer<typeof params>;

/**
 * A step imported from another tool that Wrangle cannot run (pandas code, a UDF, an unknown operator). It keeps the
 * original so the user can rewrite it by hand; until then it fails with E_UNSUPPORTED_STEP, so the flow runs up to
 * it and everything after it is blocked.
 */
export const unsupportedBlock = defineBlock({
  kind: 'unsupported',
  family: 'transform',
  paletteHidden: true,
  title: 'Unsupported step',
  description: 'An imported step that cannot run here; it keeps the original code and settings. Replace it with blocks that do the same.',
  params,
  inputs: (p) => p.inputs,
  outputs: (p) => p.outputs,
  compile({ params: p }) {
    return fail('E_UNSUPPORTED_STEP', { operator: p.operator, reason: p.reason ?? 'it has no translation' });
  },
});
