import { z } from 'zod';
import { blockKinds, blockRegistry, type BlockKind } from '../blocks/registry';

/** The flow-file format version this build writes and the newest it reads. */
export const CURRENT_FLOW_VERSION = 1;
export const FLOW_FORMAT = 'wrangle-flow';

export const blockIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and - only, at most 64');

const endpoint = z.object({ block: blockIdSchema, port: z.string().min(1).max(64) }).strict();

export const edgeSchema = z.object({ from: endpoint, to: endpoint }).strict();

function blockSchemaFor<K extends BlockKind>(kind: K) {
  const def = blockRegistry[kind];
  return z
    .object({
      id: blockIdSchema,
      kind: z.literal(kind),
      label: z.string().max(200).optional(),
      description: z.string().max(10_000).optional(),
      params: def.params as (typeof blockRegistry)[K]['params'],
      fitted: ('fitted' in def && def.fitted ? def.fitted : z.undefined()).optional() as z.ZodOptional<z.ZodType<unknown>>,
    })
    .strict();
}

// One discriminated union over every registered kind: types, runtime checks and the JSON Schema come from here.
const blockSchemas = blockKinds.map((k) => blockSchemaFor(k));
export const blockSchema = z.discriminatedUnion('kind', blockSchemas as [ReturnType<typeof blockSchemaFor>, ...ReturnType<typeof blockSchemaFor>[]]);

/** Where blocks sit on the canvas. Optional: a flow without it is laid out automatically. */
export const viewSchema = z
  .object({
    positions: z.record(blockIdSchema, z.object({ x: z.number(), y: z.number() }).strict()).default({}),
    viewport: z.object({ x: z.number(), y: z.number(), zoom: z.number().positive() }).strict().optional(),
  })
  .strict();

export const flowSchema = z
  .object({
    format: z.literal(FLOW_FORMAT),
    version: z.literal(CURRENT_FLOW_VERSION),
    name: z.string().max(200).default('Untitled flow'),
    description: z.string().max(10_000).optional(),
    blocks: z.array(blockSchema).max(2_000),
    edges: z.array(edgeSchema).max(10_000).default([]),
    view: viewSchema.optional(),
  })
  .strict();

type Registry = typeof blockRegistry;

/** A block of one kind, with that kind's parameter type. */
export type FlowBlockOf<K extends BlockKind> = {
  id: string;
  kind: K;
  label?: string | undefined;
  description?: string | undefined;
  params: z.output<Registry[K]['params']>;
  fitted?: unknown;
};

/** Any block; `switch (block.kind)` narrows its params. */
export type FlowBlock = { [K in BlockKind]: FlowBlockOf<K> }[BlockKind];

/** A flow document: what is saved. Runtime state (status, row counts, errors) never is. */
export type FlowDocument = Omit<z.output<typeof flowSchema>, 'blocks'> & { blocks: FlowBlock[] };
export type FlowEdge = z.infer<typeof edgeSchema>;
