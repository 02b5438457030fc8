import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../../testing/run-cli';
import { blockOf, musicFlow, writeFlow, type FlowJson } from './flow-variants';

const data = join(repoRoot, 'sample-data', 'music');

interface Case {
  name: string;
  mutate: (f: FlowJson) => unknown;
  code: string;
  /** Text the message must contain: the block, column or path it is about. */
  mentions: string[];
  args?: (dir: string) => string[];
}

const cases: Case[] = [
  {
    name: 'a join key that does not exist',
    mutate: (f) => ((blockOf(f, 'join_tracks').params.keys = [{ left: 'trackId', right: 'track_id' }]), f),
    code: 'E_JOIN_KEY_MISSING',
    mentions: ['join_tracks', 'track_id', 'right input, from block "'],
  },
  {
    name: 'a formula syntax error',
    mutate: (f) => ((blockOf(f, 'danceability').params.expression = '0.3*valence + 0.1*liveness +'), f),
    code: 'E_FORMULA_SYNTAX',
    mentions: ['Formula for "danceability": The expression ends too early: something is missing after `+`.', '  0.3*valence + 0.1*liveness +\n                             ^\n'],
  },
  {
    name: 'a misspelt column in a formula',
    mutate: (f) => ((blockOf(f, 'danceability').params.expression = '0.3*valence +\n  0.1*livenes'), f),
    code: 'E_FORMULA_INVALID',
    mentions: ['Formula for "danceability": No column `livenes`. Did you mean `liveness`?', '    0.1*livenes\n        ^^^^^^^\n'],
  },
  {
    name: 'an unknown block kind',
    mutate: (f) => ((blockOf(f, 'tidy').kind = 'teleport'), f),
    code: 'E_UNKNOWN_BLOCK_KIND',
    mentions: ['teleport', '$.blocks[8].kind'],
  },
  {
    name: 'a cycle',
    mutate: (f) => (f.edges.push({ from: { block: 'tidy', port: 'out' }, to: { block: 'genre_onehot', port: 'in' } }), f.edges.splice(0, 1), f),
    code: 'E_CYCLE',
    mentions: ['genre_onehot', 'tidy'],
  },
  {
    name: 'a dangling edge',
    mutate: (f) => (f.edges.push({ from: { block: 'nowhere', port: 'out' }, to: { block: 'export_test', port: 'in' } }), f),
    code: 'E_DANGLING_EDGE',
    mentions: ['nowhere'],
  },
  {
    name: 'a split whose fractions do not sum to 1',
    mutate: (f) => ((blockOf(f, 'split').params.outputs = [{ name: 'train', fraction: 0.7 }, { name: 'test', fraction: 0.2 }]), f),
    code: 'E_SPLIT_FRACTIONS',
    mentions: ['split', '0.9'],
  },
  {
    name: 'a flow from a newer version',
    mutate: (f) => ((f.version = 99), f),
    code: 'E_FLOW_VERSION_NEWER',
    mentions: ['99', 'newer'],
  },
  {
    name: 'a missing input file',
    mutate: (f) => f,
    code: 'E_INPUT_NOT_FOUND',
    mentions: ['ratings', 'nope.csv'],
    args: () => ['--data', data, '--input', `ratings=${join(data, 'nope.csv')}`],
  },
  {
    name: 'an empty CSV',
    mutate: (f) => f,
    code: 'E_INPUT_EMPTY',
    mentions: ['tracks', 'empty.csv'],
    args: (dir) => {
      writeFileSync(join(dir, 'empty.csv'), '');
      return ['--data', data, '--input', `tracks=${join(dir, 'empty.csv')}`];
    },
  },
  {
    name: 'a file that is not a flow',
    mutate: () => '{"nodes": []}',
    code: 'E_FLOW_INVALID',
    mentions: ['$.format'],
  },
  {
    name: 'a mistyped setting',
    mutate: (f) => ((blockOf(f, 'split').params.seed = 'forty-two'), f),
    code: 'E_FLOW_INVALID',
    mentions: ['$.blocks[9].params.seed'],
  },
];

describe('bad flows and bad data exit 1 with a coded message, writing nothing', () => {
  it.each(cases)('$name → $code', async (c) => {
    const { path, out, dir } = writeFlow(c.mutate(musicFlow()));
    const r = await runCli(['run', path, '--out', out, ...(c.args?.(dir) ?? ['--data', data])]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(c.code);
    for (const m of c.mentions) expect(r.stderr).toContain(m);
    expect(existsSync(out)).toBe(false);
  });

  it('a failing run leaves an earlier output intact', async () => {
    const good = writeFlow(musicFlow());
    expect((await runCli(['run', good.path, '--data', data, '--out', good.out])).code).toBe(0);
    const broken = musicFlow();
    blockOf(broken, 'danceability').params.expression = 'valence +* 2';
    const bad = writeFlow(broken);
    const r = await runCli(['run', bad.path, '--data', data, '--out', good.out, '--force']);
    expect(r.code).toBe(1);
    expect(existsSync(join(good.out, 'train.csv'))).toBe(true);
  });
});

describe('usage errors exit 2 and show help', () => {
  it.each([
    [['run'], 'missing FLOW'],
    [['run', 'x.flow.json', '--bogus'], 'bogus'],
    [['frobnicate'], 'unknown command'],
    [['run', 'does-not-exist.flow.json'], 'flow file not found'],
    [['run', 'sample-data/flows/music-recommendation.flow.json', '--input', 'nosuch=x.csv'], 'no input named "nosuch"'],
    [['run', 'sample-data/flows/music-recommendation.flow.json', '--format', 'xlsx'], '--format'],
    [['run', 'sample-data/flows/music-recommendation.flow.json', '--data', 'sample-data/music', '--memory-limit', 'lots'], '--memory-limit expects a size such as 4GB'],
    [['run', 'sample-data/flows/music-recommendation.flow.json', '--data', 'sample-data/music', '--temp-dir', 'no/such/dir'], '--temp-dir must be an existing directory'],
  ])('wrangle %j', async (args, text) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(text);
  });

  it('--help on each command shows an example', async () => {
    for (const cmd of ['run', 'validate', 'sql']) {
      const r = await runCli([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Example');
      expect(r.stdout).toContain(`wrangle ${cmd}`);
    }
    const run = await runCli(['run', '--help']);
    expect(run.stdout).toMatch(/--memory-limit SIZE[\s\S]*--temp-dir DIR[\s\S]*--memory-limit 8GB --temp-dir/);
  });
});
