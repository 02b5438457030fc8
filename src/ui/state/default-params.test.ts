import { describe, expect, it } from 'vitest';
import { blockKinds, blockRegistry } from '../../engine/blocks/registry';
import { parseFlow } from '../../engine/flow/parse';
import { defaultParams } from './default-params';
import { addBlockToDoc, emptyFlow, makeBlock } from './doc-edits';

describe('defaultParams', () => {
  it.each(blockKinds)('gives %s params that pass its schema unchanged', (kind) => {
    const params = defaultParams(kind);
    const parsed = blockRegistry[kind].params.safeParse(params);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(params);
  });

  it('makes a flow with one block of every kind that parses as a flow file', () => {
    const doc = blockKinds.reduce(
      (d, kind, i) => addBlockToDoc(d, makeBlock(`${kind}_1`, kind, defaultParams(kind)), { x: i * 10, y: 0 }),
      emptyFlow(),
    );
    expect(parseFlow(JSON.parse(JSON.stringify(doc))).blocks.map((b) => b.kind)).toEqual(blockKinds);
  });
});
