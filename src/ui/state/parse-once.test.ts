import { afterEach, describe, expect, it, vi } from 'vitest';
import { blockRegistry } from '../../engine/blocks/registry';
import { serializeFlow } from '../../engine/flow/parse';
import { flowSchema } from '../../engine/flow/schema';
import { applyEdit, freshDraft } from '../inspector/params-draft';
import { createStudioStore } from './create-store';
import { checkedFlow, paramsSchema, parseParams, readFlow, validateParams } from './parse-once';

const filterParse = () => vi.spyOn(blockRegistry.filter.params, 'safeParse');
const filterOf = (store: ReturnType<typeof createStudioStore>) => store.getState().doc.blocks.find((b) => b.id === 'filter_1');

afterEach(() => vi.restoreAllMocks());

describe('one parse per edit', () => {
  it('parses a form edit once: the inspector checks it, the store takes it as it is', () => {
    const store = createStudioStore();
    store.actions.addBlock('filter');
    const spy = filterParse();
    const { commit } = applyEdit(freshDraft(filterOf(store)?.params), { condition: 'a > 1' }, paramsSchema('filter'));
    store.actions.updateParams('filter_1', commit?.params);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(filterOf(store)?.params).toEqual({ condition: 'a > 1' });
  });

  it('parses a block added from the palette once, with its default params', () => {
    const store = createStudioStore();
    const spy = filterParse();
    store.actions.addBlock('filter');
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('parses params that come from anywhere else once, and still refuses invalid ones', () => {
    const store = createStudioStore();
    store.actions.addBlock('filter');
    const spy = filterParse();
    store.actions.updateParams('filter_1', { condition: 'b > 2' });
    expect(spy).toHaveBeenCalledTimes(1);
    const before = store.getState().doc;
    store.actions.updateParams('filter_1', { condition: 3 });
    expect(spy).toHaveBeenCalledTimes(2);
    expect(store.getState().doc).toBe(before);
    expect(store.getState().notices.at(-1)?.kind).toBe('error');
  });

  it('parses an opened flow file once', () => {
    const store = createStudioStore();
    store.actions.addBlock('filter');
    const text = serializeFlow(store.getState().doc);
    store.actions.newFlow();
    const spy = vi.spyOn(flowSchema, 'safeParse');
    store.actions.load(readFlow(text));
    expect(spy).toHaveBeenCalledTimes(1);
    expect(store.getState().doc.blocks.map((b) => b.id)).toEqual(['filter_1']);
  });
});

describe('parse-once', () => {
  it('takes a parsed value as valid only for the kind that parsed it', () => {
    const parsed = parseParams('filter', { condition: 'x' });
    expect(parsed.success).toBe(true);
    const data = parsed.success ? parsed.data : undefined;
    expect(validateParams('filter', data)).toEqual({ ok: true, params: data });
    const spy = vi.spyOn(blockRegistry.formula.params, 'safeParse');
    expect(validateParams('formula', data).ok).toBe(false);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('says where invalid params are wrong', () => {
    expect(validateParams('filter', { condition: 3 })).toEqual({ ok: false, reason: expect.stringMatching(/^Invalid setting condition: /) as unknown });
  });

  it('parses a document that did not come from readFlow, and refuses an invalid one', () => {
    const doc = { format: 'wrangle-flow', version: 1, name: 'x', blocks: [], edges: [] };
    const spy = vi.spyOn(flowSchema, 'safeParse');
    const checked = checkedFlow(doc);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(checkedFlow(checked)).toBe(checked);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(() => checkedFlow({ ...doc, blocks: 'no' })).toThrow(/blocks/);
  });
});
