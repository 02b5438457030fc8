import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { migrateFlow, type Migration } from './migrate';
import { MAX_FLOW_DEPTH, parseFlow, serializeFlow } from './parse';
import { CURRENT_FLOW_VERSION } from './schema';

const fixture = (rel: string) => readFileSync(fileURLToPath(new URL(`../../../sample-data/flows/${rel}`, import.meta.url)), 'utf8');

/** A small valid flow: import → formula → split, as plain JSON. */
function smallFlow(): Record<string, unknown> {
  return {
    format: 'wrangle-flow',
    version: CURRENT_FLOW_VERSION,
    blocks: [
      { id: 'src', kind: 'import', params: { input: 'tracks', file: 'tracks.csv' } },
      { id: 'f', kind: 'formula', params: { column: 'y', expression: 'x + 1' } },
      { id: 's', kind: 'split', params: { outputs: [{ name: 'train', fraction: 0.8 }, { name: 'test', fraction: 0.2 }] } },
    ],
    edges: [
      { from: { block: 'src', port: 'out' }, to: { block: 'f', port: 'in' } },
      { from: { block: 'f', port: 'out' }, to: { block: 's', port: 'in' } },
    ],
  };
}

const withBlock = (i: number, patch: Record<string, unknown>) => {
  const flow = smallFlow();
  const blocks = flow.blocks as Record<string, unknown>[];
  blocks[i] = { ...blocks[i], ...patch };
  return flow;
};

describe('parseFlow', () => {
  it('parses the committed music recommendation flow', () => {
    const flow = parseFlow(fixture('music-recommendation.flow.json'));
    expect(flow.name).toBe('Music recommendation');
    expect(flow.blocks.map((b) => b.kind)).toContain('split');
    expect(flow.edges.length).toBeGreaterThan(0);
  });

  it('parses the stored legacy v1 fixture', () => {
    const flow = parseFlow(fixture('legacy/v1-minimal.flow.json'));
    expect(flow.version).toBe(CURRENT_FLOW_VERSION);
    expect(flow.blocks.map((b) => [b.id, b.kind])).toEqual([
      ['tracks', 'import'],
      ['danceability', 'formula'],
      ['export_tracks', 'export'],
    ]);
    expect(flow.edges).toHaveLength(2);
  });

  it('fills defaults and round-trips through serializeFlow', () => {
    const flow = parseFlow(smallFlow());
    expect(flow.name).toBe('Untitled flow');
    expect(flow.blocks[0]!.params).toMatchObject({ format: 'csv', sampling: { mode: 'none' } });
    const text = serializeFlow(flow);
    expect(text.endsWith('}\n')).toBe(true);
    expect(parseFlow(text)).toEqual(flow);
  });

  it.each([
    ['not JSON', 'E_FLOW_NOT_JSON', undefined, '{"format": '],
    ['a JSON array', 'E_FLOW_INVALID', '$', '[]'],
    ['a wrong format', 'E_FLOW_INVALID', '$.format', { ...smallFlow(), format: 'other' }],
    ['a missing format', 'E_FLOW_INVALID', '$.format', { ...smallFlow(), format: undefined }],
    ['a missing version', 'E_FLOW_INVALID', '$.version', { ...smallFlow(), version: undefined }],
    ['a fractional version', 'E_FLOW_INVALID', '$.version', { ...smallFlow(), version: 1.5 }],
    ['an unknown top-level key', 'E_FLOW_INVALID', '$', { ...smallFlow(), extra: 1 }],
    ['an unknown block kind', 'E_UNKNOWN_BLOCK_KIND', '$.blocks[1].kind', withBlock(1, { kind: 'teleport' })],
    ['a bad block id', 'E_FLOW_INVALID', '$.blocks[0].id', withBlock(0, { id: 'a b' })],
    ['a bad edge', 'E_FLOW_INVALID', '$.edges[0].from.port', { ...smallFlow(), edges: [{ from: { block: 'src' }, to: { block: 'f', port: 'in' } }] }],
  ])('%s is %s at %s', (_name, code, path, input) => {
    expect(() => parseFlow(input)).toThrow(expect.objectContaining({ code }));
    if (path !== undefined) expect(() => parseFlow(input)).toThrow(new RegExp(`at ${path.replace(/[$.[\]]/g, '\\$&')}[:.]`));
  });

  it('an unknown block kind names the kind and lists the known ones', () => {
    expect(() => parseFlow(withBlock(1, { kind: 'teleport' }))).toThrow(/"teleport" at \$\.blocks\[1\]\.kind\. Known kinds: import, /);
  });

  it('bad params name the JSON path of the setting', () => {
    const flow = withBlock(2, { params: { outputs: [{ name: 'train', fraction: 1.5 }, { name: 'test', fraction: 0.2 }] } });
    expect(() => parseFlow(flow)).toThrow(expect.objectContaining({ code: 'E_FLOW_INVALID' }));
    expect(() => parseFlow(flow)).toThrow('$.blocks[2].params.outputs[0].fraction');
  });

  it('an unsafe import file name is E_FLOW_INVALID at its path', () => {
    expect(() => parseFlow(withBlock(0, { params: { input: 'tracks', file: '../../etc/passwd' } }))).toThrow('$.blocks[0].params.file');
  });

  it(`refuses nesting deeper than ${MAX_FLOW_DEPTH}`, () => {
    let deep: unknown = 1;
    for (let i = 0; i < MAX_FLOW_DEPTH + 5; i++) deep = [deep];
    const flow = { ...smallFlow(), description: deep };
    expect(() => parseFlow(JSON.stringify(flow))).toThrow(expect.objectContaining({ code: 'E_FLOW_INVALID' }));
    expect(() => parseFlow(JSON.stringify(flow))).toThrow(/nested deeper than 64 levels/);
  });

  it('a __proto__ key does not pollute Object.prototype', () => {
    const text = JSON.stringify(smallFlow())
      .replace('{"format"', '{"__proto__":{"polluted":"yes"},"format"')
      .replace('"params":{"column"', '"params":{"__proto__":{"polluted":"yes"},"column"');
    expect(() => parseFlow(text)).toThrow(expect.objectContaining({ code: 'E_FLOW_INVALID' }));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('a newer version is refused with a clear message', () => {
    const newer = CURRENT_FLOW_VERSION + 1;
    expect(() => parseFlow({ ...smallFlow(), version: newer })).toThrow(expect.objectContaining({ code: 'E_FLOW_VERSION_NEWER' }));
    expect(() => parseFlow({ ...smallFlow(), version: newer })).toThrow(
      `saved by a newer Wrangle (format version ${newer}, at $.version); this version reads up to ${CURRENT_FLOW_VERSION}`,
    );
  });
});

describe('migrateFlow', () => {
  const applied: number[] = [];
  const migrations: Record<number, Migration> = {
    // v1 → v2: `nodes` was renamed `blocks`.
    1: (doc) => {
      applied.push(1);
      const { nodes, ...rest } = doc;
      return { ...rest, blocks: nodes };
    },
    // v2 → v3: edges became mandatory.
    2: (doc) => {
      applied.push(2);
      expect(doc.version).toBe(2);
      return { ...doc, edges: doc.edges ?? [] };
    },
  };

  it('applies each migration in order and bumps the version', () => {
    applied.length = 0;
    const old = { format: 'wrangle-flow', version: 1, nodes: [{ id: 'a' }] };
    const doc = migrateFlow(old, migrations, 3);
    expect(applied).toEqual([1, 2]);
    expect(doc).toEqual({ format: 'wrangle-flow', version: 3, blocks: [{ id: 'a' }], edges: [] });
    expect(old).toEqual({ format: 'wrangle-flow', version: 1, nodes: [{ id: 'a' }] });
  });

  it('starts from the document version', () => {
    applied.length = 0;
    expect(migrateFlow({ version: 2, blocks: [] }, migrations, 3)).toEqual({ version: 3, blocks: [], edges: [] });
    expect(applied).toEqual([2]);
  });

  it('leaves a current document alone', () => {
    const doc = { version: 3, blocks: [] };
    expect(migrateFlow(doc, migrations, 3)).toBe(doc);
  });

  it('a gap in the table is E_FLOW_VERSION_UNKNOWN', () => {
    expect(() => migrateFlow({ version: 1 }, { 2: migrations[2]! }, 3)).toThrow(expect.objectContaining({ code: 'E_FLOW_VERSION_UNKNOWN' }));
  });

  it.each([4, 10])('version %i, newer than the target, is E_FLOW_VERSION_NEWER', (version) => {
    expect(() => migrateFlow({ version }, migrations, 3)).toThrow(expect.objectContaining({ code: 'E_FLOW_VERSION_NEWER' }));
  });

  it.each([0, -1, '1', null])('version %j is E_FLOW_INVALID', (version) => {
    expect(() => migrateFlow({ version }, migrations, 3)).toThrow(expect.objectContaining({ code: 'E_FLOW_INVALID' }));
  });
});
