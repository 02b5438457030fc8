import { z } from 'zod';
import { CURRENT_FLOW_VERSION, flowSchema } from './schema';

/** The JSON Schema of the flow file, generated from the same zod schema that validates it, as committed text. */
export function flowJsonSchemaText(): string {
  const schema = z.toJSONSchema(flowSchema, { io: 'input', unrepresentable: 'any' });
  const titled = { title: `Wrangle flow, format version ${CURRENT_FLOW_VERSION}`, ...schema };
  return `${JSON.stringify(titled, null, 2)}\n`;
}
