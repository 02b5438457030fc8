import { z } from 'zod';
import { blockRegistry, type BlockKind } from '../../engine/blocks/registry';

/** Steps through the wrappers that do not change a value's shape, stopping at a default. */
function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
    else if (s instanceof z.ZodPipe) s = s.in as z.ZodType;
    else return s;
  }
}

/** The first default met while unwrapping, or undefined when the field has none. */
function ownDefault(schema: z.ZodType): unknown {
  let s = schema;
  for (;;) {
    if (s instanceof z.ZodDefault) return s.safeParse(undefined).data;
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
    else if (s instanceof z.ZodPipe) s = s.in as z.ZodType;
    else return undefined;
  }
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** The option of a discriminated union the value belongs to; without a match, the first that has the key. */
function pickOption(union: z.ZodDiscriminatedUnion, value: unknown, key: string): z.ZodType | undefined {
  const discriminator = union.def.discriminator;
  const options = union.options.map((o) => unwrap(o as z.ZodType)).filter((o) => o instanceof z.ZodObject);
  const tag = field(value, discriminator);
  const matches = (o: z.ZodObject) => {
    const literal = unwrap(o.shape[discriminator] as z.ZodType);
    return literal instanceof z.ZodLiteral && literal.values.has(tag as z.core.util.Literal);
  };
  return options.find(matches) ?? options.find((o) => Object.hasOwn(o.shape, key));
}

/** The schema of the field at a path of keys and list indexes, given the value being edited (it picks union options). */
function schemaAt(schema: z.ZodType, path: readonly string[], value: unknown): z.ZodType | undefined {
  let s: z.ZodType | undefined = schema;
  let v = value;
  for (const key of path) {
    let node: z.ZodType | undefined = unwrap(s);
    if (node instanceof z.ZodDiscriminatedUnion) node = pickOption(node, v, key);
    if (node instanceof z.ZodObject) s = node.shape[key] as z.ZodType | undefined;
    else if (node instanceof z.ZodArray) s = node.element as z.ZodType;
    else return undefined;
    if (s === undefined) return undefined;
    v = field(v, key);
  }
  return s;
}

/**
 * The value the engine uses when a field is absent: the schema's own default, read from the block's zod schema so a
 * form never restates it. `path` is dotted (`outputs.0.fraction`); undefined when the field has no default.
 */
export function schemaDefault(schema: z.ZodType, path: string, value: unknown): unknown {
  const at = schemaAt(schema, path === '' ? [] : path.split('.'), value);
  return at === undefined ? undefined : ownDefault(at);
}

/** The default of one of a block's params, for a form deciding what to show before its fields read it themselves. */
export function blockDefault(kind: BlockKind, path: string, params: unknown): unknown {
  return schemaDefault(blockRegistry[kind].params, path, params);
}

/** A default that is a list of names (`ignoreLabels`, `inputs`), or `[]`. */
export function namesOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
}
