import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../engine/flow/schema';
import { defaultParams } from './default-params';
import { addBlockToDoc, connectPorts, emptyFlow, makeBlock, setBlockLabel, setBlockParams } from './doc-edits';
import { freshState } from './fake-engine';
import { acceptBlockState, acceptRunResult, affectedBlocks, markRunning, markStale } from './run-state';

function chain(): FlowDocument {
  let doc = emptyFlow();
  doc = addBlockToDoc(doc, makeBlock('a', 'import', defaultParams('import')), { x: 0, y: 0 });
  doc = addBlockToDoc(doc, makeBlock('b', 'filter', defaultParams('filter')), { x: 1, y: 0 });
  doc = addBlockToDoc(doc, makeBlock('c', 'filter', defaultParams('filter')), { x: 2, y: 0 });
  for (const [from, to] of [['a', 'b'], ['b', 'c']] as const) {
    const r = connectPorts(doc, { block: from, port: 'out' }, { block: to, port: 'in' });
    if (!r.ok) throw new Error(r.reason);
    doc = r.doc;
  }
  return doc;
}

describe('affectedBlocks', () => {
  it('is the edited block and everything downstream of it', () => {
    const doc = chain();
    const r = setBlockParams(doc, 'b', { condition: 'x > 1' });
    expect(r.ok && [...affectedBlocks(doc, r.doc)]).toEqual(['b', 'c']);
  });

  it('is nothing for a label, and the imports of a re-registered input', () => {
    const doc = chain();
    expect(affectedBlocks(doc, setBlockLabel(doc, 'a', 'Source')).size).toBe(0);
    expect([...affectedBlocks(doc, doc, ['data'])]).toEqual(['a', 'b', 'c']);
  });
});

describe('results of runs', () => {
  const doc = chain();
  const running = markRunning(markStale({}, doc, ['a', 'b', 'c']), doc);

  it('are taken from the latest run only', () => {
    expect(acceptBlockState(running, freshState('a'), 3, 4)).toBe(running);
    expect(acceptBlockState(running, freshState('a'), 4, 4).a?.status).toBe('fresh');
    expect(acceptRunResult(running, doc, { runId: 3, blocks: [freshState('a')] }, 4)).toBe(running);
  });

  it('leave no block running once the run is over', () => {
    const after = acceptRunResult(running, doc, { runId: 4, blocks: [freshState('a')] }, 4);
    expect([after.a?.status, after.b?.status, after.c?.status]).toEqual(['fresh', 'stale', 'stale']);
  });

  it('keep a stale block\'s last columns for the forms downstream', () => {
    const fresh = acceptRunResult(running, doc, { runId: 1, blocks: [freshState('a')] }, 1);
    expect(markStale(fresh, doc, ['a']).a).toMatchObject({ status: 'stale', outputs: { out: [{ name: 'a', type: 'BIGINT' }] } });
  });
});
