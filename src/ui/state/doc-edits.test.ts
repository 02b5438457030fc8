import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../engine/flow/schema';
import { defaultParams } from './default-params';
import { addBlockToDoc, connectPorts, emptyFlow, makeBlock, pasteBlocks, copyBlocks, removeBlocksFromDoc, setBlockParams } from './doc-edits';
import type { BlockKind } from '../../engine/blocks/registry';

function flowOf(...blocks: [string, BlockKind][]): FlowDocument {
  return blocks.reduce((d, [id, kind], i) => addBlockToDoc(d, makeBlock(id, kind, defaultParams(kind)), { x: i * 200, y: 0 }), emptyFlow());
}

function connected(doc: FlowDocument, ...edges: [string, string, string, string][]): FlowDocument {
  return edges.reduce((d, [fb, fp, tb, tp]) => {
    const r = connectPorts(d, { block: fb, port: fp }, { block: tb, port: tp });
    if (!r.ok) throw new Error(r.reason);
    return r.doc;
  }, doc);
}

describe('connectPorts', () => {
  const base = flowOf(['src', 'import'], ['a', 'filter'], ['b', 'formula'], ['j', 'join']);

  it('connects an output to a free input', () => {
    const r = connectPorts(base, { block: 'src', port: 'out' }, { block: 'a', port: 'in' });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.doc.edges).toEqual([{ from: { block: 'src', port: 'out' }, to: { block: 'a', port: 'in' } }]);
  });

  it('refuses a cycle, naming the loop', () => {
    const doc = connected(base, ['a', 'out', 'b', 'in']);
    const r = connectPorts(doc, { block: 'b', port: 'out' }, { block: 'a', port: 'in' });
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/loop \((a → b → a|b → a → b)\)/) });
  });

  it('refuses a second connection into a taken input and says what holds it', () => {
    const doc = connected(base, ['src', 'out', 'a', 'in']);
    const r = connectPorts(doc, { block: 'b', port: 'out' }, { block: 'a', port: 'in' });
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('already reads src.out') });
    const again = connectPorts(doc, { block: 'src', port: 'out' }, { block: 'a', port: 'in' });
    expect(again).toEqual({ ok: false, reason: expect.stringContaining('is already connected') });
  });

  it('replaces the connection of a taken input when asked, in place, and says which it replaced', () => {
    const doc = connected(base, ['src', 'out', 'a', 'in'], ['a', 'out', 'b', 'in']);
    const r = connectPorts(doc, { block: 'b', port: 'out' }, { block: 'j', port: 'left' }, { replace: true });
    expect(r.ok && r.replaced).toBe(undefined);
    const swapped = connectPorts(connected(base, ['src', 'out', 'b', 'in']), { block: 'a', port: 'out' }, { block: 'b', port: 'in' }, { replace: true });
    expect(swapped).toEqual({
      ok: true,
      doc: expect.objectContaining({ edges: [{ from: { block: 'a', port: 'out' }, to: { block: 'b', port: 'in' } }] }),
      replaced: { from: { block: 'src', port: 'out' }, to: { block: 'b', port: 'in' } },
    });
  });

  it('refuses a replacement that would make a loop, or that connects the same ports again', () => {
    const doc = connected(base, ['src', 'out', 'a', 'in'], ['a', 'out', 'b', 'in']);
    expect(connectPorts(doc, { block: 'b', port: 'out' }, { block: 'a', port: 'in' }, { replace: true })).toMatchObject({ ok: false, reason: expect.stringContaining('loop') });
    expect(connectPorts(doc, { block: 'src', port: 'out' }, { block: 'a', port: 'in' }, { replace: true })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('is already connected'),
    });
  });

  it('refuses a self-loop and ports that do not exist', () => {
    expect(connectPorts(base, { block: 'a', port: 'out' }, { block: 'a', port: 'in' })).toMatchObject({ ok: false, reason: expect.stringContaining('its own output') });
    expect(connectPorts(base, { block: 'src', port: 'out' }, { block: 'j', port: 'in' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('its inputs are left, right'),
    });
    expect(connectPorts(base, { block: 'a', port: 'out' }, { block: 'src', port: 'in' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('it has no inputs'),
    });
    expect(connectPorts(base, { block: 'nope', port: 'out' }, { block: 'a', port: 'in' })).toMatchObject({ ok: false, reason: expect.stringContaining('"nope"') });
  });

  it('leaves the document untouched when it refuses', () => {
    const doc = connected(base, ['src', 'out', 'a', 'in']);
    const copy = structuredClone(doc);
    connectPorts(doc, { block: 'b', port: 'out' }, { block: 'a', port: 'in' });
    expect(doc).toEqual(copy);
  });
});

describe('setBlockParams', () => {
  it('refuses invalid params with the path of the problem', () => {
    const doc = flowOf(['f', 'formula']);
    const r = setBlockParams(doc, 'f', { column: '', expression: '1' });
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/^Invalid setting column:/) });
  });

  it('drops connections from a split output that was renamed', () => {
    const doc = connected(flowOf(['s', 'split'], ['e', 'export']), ['s', 'test', 'e', 'in']);
    const r = setBlockParams(doc, 's', { outputs: [{ name: 'train', fraction: 0.8 }, { name: 'valid', fraction: 0.2 }] });
    expect(r).toMatchObject({ ok: true, removedEdges: 1 });
    if (r.ok) expect(r.doc.edges).toEqual([]);
  });

  it('forgets fitted state learned under the old settings', () => {
    const doc = flowOf(['o', 'one-hot']);
    const fitted = { ...doc, blocks: doc.blocks.map((b) => ({ ...b, fitted: { labels: ['x'] } })) } as FlowDocument;
    const r = setBlockParams(fitted, 'o', { column: 'genre' });
    expect(r.ok && r.doc.blocks[0]!.fitted).toBeUndefined();
  });
});

describe('copy, paste and remove', () => {
  it('pastes under fresh ids with the connections among the copied blocks', () => {
    const doc = connected(flowOf(['import_1', 'import'], ['filter_1', 'filter']), ['import_1', 'out', 'filter_1', 'in']);
    const pasted = pasteBlocks(doc, copyBlocks(doc, ['import_1', 'filter_1']), { x: 40, y: 40 });
    expect(pasted.ids).toEqual(['import_2', 'filter_2']);
    expect(pasted.doc.edges.at(-1)).toEqual({ from: { block: 'import_2', port: 'out' }, to: { block: 'filter_2', port: 'in' } });
    expect(pasted.doc.view?.positions.filter_2).toEqual({ x: 240, y: 40 });
  });

  it('removes blocks with their connections and positions', () => {
    const doc = connected(flowOf(['src', 'import'], ['a', 'filter']), ['src', 'out', 'a', 'in']);
    const next = removeBlocksFromDoc(doc, ['a']);
    expect(next.blocks.map((b) => b.id)).toEqual(['src']);
    expect(next.edges).toEqual([]);
    expect(Object.keys(next.view?.positions ?? {})).toEqual(['src']);
  });
});
