import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flowJsonSchemaText } from './json-schema';

describe('the committed JSON Schema', () => {
  it('matches the zod schema (run `npm run schema` after changing a block or the flow format)', () => {
    const committed = readFileSync(join(import.meta.dirname, '..', '..', '..', 'schema', 'flow.schema.json'), 'utf8');
    expect(committed).toBe(flowJsonSchemaText());
  });

  it('describes every block kind', () => {
    const schema = JSON.parse(flowJsonSchemaText()) as { properties: { blocks: { items: { oneOf: { properties: { kind: { const: string } } }[] } } } };
    const kinds = schema.properties.blocks.items.oneOf.map((s) => s.properties.kind.const);
    expect(kinds).toContain('import');
    expect(kinds).toContain('split');
    expect(new Set(kinds).size).toBe(kinds.length);
  });
});
