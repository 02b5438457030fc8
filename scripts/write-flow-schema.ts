/** Writes schema/flow.schema.json from the zod flow schema. A unit test fails when the committed file is stale. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { flowJsonSchemaText } from '../src/engine/flow/json-schema';

const path = join(import.meta.dirname, '..', 'schema', 'flow.schema.json');
writeFileSync(path, flowJsonSchemaText());
console.log(`wrote ${path}`);
