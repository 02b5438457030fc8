import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parseFlow } from '../src/engine/flow/parse';
import { matchesGolden, type GoldenOutput } from '../src/testing/goldens';
import { addFromPalette, canvasViewport, clickBlock, connectPorts, type DocView, expectFresh, golden, importDataFiles, moveBlock, musicBlockIds, openFresh, repoRoot, sha256, studioDoc } from './helpers';

/**
 * The acceptance test of the studio: the music workshop flow built by pointing and clicking only (import, palette,
 * drag to wire, forms), previewed, downloaded, and run again by the CLI, which must write the very same train.csv.
 * `sample-data/flows/music-recommendation.flow.json` is the specification of every block's settings and wiring.
 */

const FLOW_FILE = 'music-recommendation.flow.json';
const specText = readFileSync(join(repoRoot, 'sample-data', 'flows', FLOW_FILE), 'utf8');
const spec = JSON.parse(specText) as DocView & { view: { positions: Record<string, { x: number; y: number }> } };
/** The spec's params as the studio holds them: the file may leave out settings that have a default. */
const specParams = new Map(parseFlow(specText).blocks.map((b) => [b.id, b.params as unknown]));
const FEATURES = [
  'energy', 'acousticness', 'valence', 'speechiness', 'instrumentalness', 'liveness', 'tempo', 'danceability', 'genre_Latin',
  'genre_Folk', 'genre_Blues', 'genre_Rap', 'genre_Reggae', 'genre_Jazz', 'genre_RnB', 'genre_Country', 'genre_Electronic',
  'genre_Pop_Rock',
];
/** The flow units the sample's layout spans (positions plus room for a block): framed on the canvas before building. */
const LAYOUT = {
  width: Math.max(...Object.values(spec.view.positions).map((p) => p.x)) + 240,
  height: Math.max(...Object.values(spec.view.positions).map((p) => p.y)) + 160,
};
/**
 * Where the layout's top-left corner goes on the canvas: clear of the zoom controls (bottom left) and of the 40 pixels
 * along each edge where React Flow pans while something is dragged.
 */
const ORIGIN = { x: 50, y: 50 };

/** Spec block id → the id the studio generated for the block built in its place. */
type Ids = Record<string, string>;

const form = (page: Page) => page.getByTestId('inspector-block');
const group = (page: Page, name: string) => form(page).getByRole('group', { name, exact: true });

/** Ticks columns of a multi-column picker in order (picking order is kept), unticking the starter placeholder. */
async function pickColumns(scope: ReturnType<typeof group>, names: readonly string[]): Promise<void> {
  for (const name of names) await scope.getByLabel(name, { exact: true }).check();
  // A name that is not in the input is listed only while picked, so unticking it removes its checkbox.
  const placeholder = scope.getByLabel('column', { exact: true });
  if ((await placeholder.count()) > 0) {
    await placeholder.click();
    await expect(placeholder).toHaveCount(0);
  }
}

async function keyPair(page: Page, left: string, right: string): Promise<void> {
  const pair = group(page, 'Key pair 1');
  // A new join pairs the key both inputs share by itself; the pair is set explicitly either way.
  if ((await pair.count()) === 0) await form(page).getByRole('button', { name: 'Add key pair' }).click();
  await pair.getByLabel('Left key').selectOption(left);
  await pair.getByLabel('Right key').selectOption(right);
}

/** How each spec block's form is filled in, once its inputs have run (so column pickers list real columns). */
const fillForm: Record<string, (page: Page) => Promise<void>> = {
  genre_onehot: async (page) => {
    await form(page).getByLabel('Column', { exact: true }).selectOption('genre');
    await form(page).getByLabel('Unknown values').selectOption('ignore');
  },
  danceability: async (page) => {
    await form(page).getByLabel('Output column').fill('danceability');
    await form(page).getByLabel('Expression').fill('0.3*valence + 0.1*liveness + 0.1*energy');
  },
  join_tracks: (page) => keyPair(page, 'trackId', 'trackId'),
  five_star_avg: async (page) => {
    await pickColumns(group(page, 'Group by'), ['userId']);
    for (const [i, feature] of FEATURES.entries()) {
      if (i > 0) await form(page).getByRole('button', { name: 'Add aggregation' }).click();
      const item = group(page, `Aggregation ${i + 1}`);
      await item.getByLabel('Column', { exact: true }).selectOption(feature);
      await item.getByLabel('Function').selectOption('avg');
      await item.getByLabel('Output name').fill(`${feature}_5star`);
    }
    await form(page).getByLabel('Filter').fill('Rating = 5');
  },
  drop_ids: (page) =>
    pickColumns(group(page, 'Step 1').getByRole('group', { name: 'Columns', exact: true }), ['trackId_0', 'trackId_1', 'ts', 'sessionId', 'itemInSession', 'ratingEventId']),
  join_users: (page) => keyPair(page, 'userId', 'userId'),
  tidy: async (page) => {
    await pickColumns(group(page, 'Step 1').getByRole('group', { name: 'Columns', exact: true }), ['userId_0', 'userId_1']);
    await form(page).getByRole('button', { name: 'Add step' }).click();
    const move = group(page, 'Step 2');
    await move.getByLabel('Operation').selectOption('move');
    await pickColumns(move.getByRole('group', { name: 'Columns', exact: true }), ['Rating']);
    await move.getByLabel('Move to').selectOption('start');
  },
  split: async (page) => {
    await form(page).getByLabel('Method').selectOption('randomized');
    await form(page).getByLabel('Seed').fill('42');
    await pickColumns(group(page, 'Key columns'), ['Rating', 'energy_5star', 'tempo_5star', 'length', 'tempo']);
  },
  export_train: (page) => form(page).getByLabel('File name').fill('train.csv'),
  export_test: (page) => form(page).getByLabel('File name').fill('test.csv'),
  als_split: async (page) => {
    await form(page).getByLabel('Method').selectOption('randomized');
    await form(page).getByLabel('Seed').fill('42');
    await pickColumns(group(page, 'Key columns'), ['ratingEventId']);
  },
  als_train: async (page) => {
    await form(page).getByLabel('User column', { exact: true }).selectOption('userId');
    await form(page).getByLabel('Item column', { exact: true }).selectOption('trackId');
    await form(page).getByLabel('Rating column', { exact: true }).selectOption('Rating');
    const bias = group(page, 'Bias terms');
    for (const term of ['Global mean', 'Per-user bias', 'Per-item bias']) await bias.getByLabel(term, { exact: true }).check();
    // Adds the validation input, wired once the form is filled in.
    await form(page).getByLabel('Validate each iteration').check();
  },
  als_predict: async (page) => {
    await form(page).getByLabel('User column', { exact: true }).selectOption('userId');
    await form(page).getByLabel('Item column', { exact: true }).selectOption('trackId');
    await form(page).getByLabel('Users or items without factors').selectOption('drop');
  },
  als_evaluate: async (page) => {
    await form(page).getByLabel('Evaluate', { exact: true }).selectOption('rating');
    await form(page).getByLabel('Observed rating').selectOption('Rating');
    await form(page).getByLabel('Predicted rating').selectOption('prediction');
  },
  als_recommend: async (page) => {
    await form(page).getByLabel('Items per user (k)').fill('5');
    await form(page).getByLabel('User column of seen').selectOption('userId');
    await form(page).getByLabel('Item column of seen').selectOption('trackId');
  },
  export_metrics: (page) => exportAs(page, 'metrics.json', 'json'),
  export_recommendations: (page) => exportAs(page, 'recommendations.csv', 'csv'),
  export_item_factors: (page) => exportAs(page, 'item_factors.parquet', 'parquet'),
  export_user_factors: (page) => exportAs(page, 'user_factors.parquet', 'parquet'),
};

async function exportAs(page: Page, file: string, format: string): Promise<void> {
  await form(page).getByLabel('File name').fill(file);
  await form(page).getByLabel('Format').selectOption(format);
}

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Zooms out and pans (with the canvas's own zoom button and the mouse) until the whole layout to build is in view at
 * ORIGIN, clear of the minimap and the zoom controls: the pointer must reach every block and port.
 */
async function frameLayout(page: Page): Promise<void> {
  const v0 = await canvasViewport(page);
  const overlays: Box[] = [];
  for (const selector of ['.react-flow__minimap', '.canvas-rail__controls']) {
    const box = (await page.locator(`.flow-canvas ${selector}`).count()) > 0 ? await page.locator(`.flow-canvas ${selector}`).boundingBox() : null;
    if (box) overlays.push({ x: box.x - v0.left - 10, y: box.y - v0.top - 10, width: box.width + 20, height: box.height + 20 });
  }
  const clear = async () => {
    const { zoom, width, height } = await canvasViewport(page);
    const layout = { ...ORIGIN, width: LAYOUT.width * zoom, height: LAYOUT.height * zoom };
    return layout.x + layout.width <= width - 40 && layout.y + layout.height <= height - 40 && !overlays.some((o) => overlap(layout, o));
  };
  for (let i = 0; i < 12 && !(await clear()); i++) await page.getByRole('button', { name: 'Zoom Out', exact: true }).click();
  expect(await clear(), 'the layout fits on the canvas').toBe(true);

  // Pan by dragging an empty spot of the canvas so the flow's origin lands on ORIGIN.
  const v = await canvasViewport(page);
  const candidates = [0.75, 0.6, 0.9].flatMap((fx) => [0.3, 0.15, 0.5].map((fy) => ({ x: v.left + v.width * fx, y: v.top + v.height * fy })));
  const onPane = (p: { x: number; y: number }) => page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.classList.contains('react-flow__pane') ?? false, p);
  let start: { x: number; y: number } | undefined;
  for (const p of candidates) if (!start && (await onPane(p))) start = p;
  expect(start, 'an empty spot to pan from').toBeDefined();
  await page.mouse.move(start!.x, start!.y);
  await page.mouse.down();
  await page.mouse.move(start!.x + (ORIGIN.x - v.x), start!.y + (ORIGIN.y - v.y), { steps: 10 });
  await page.mouse.up();
  await expect.poll(async () => {
    const after = await canvasViewport(page);
    return Math.abs(after.x - ORIGIN.x) <= 2 && Math.abs(after.y - ORIGIN.y) <= 2;
  }, { message: 'the canvas is panned' }).toBe(true);
}

/** Selects one block alone: a click on an empty corner of the canvas first clears a selection it may be part of. */
async function selectOnly(page: Page, id: string): Promise<void> {
  const { width } = await canvasViewport(page);
  await page.locator('.flow-canvas .react-flow__pane').click({ position: { x: width - 20, y: 15 } });
  await clickBlock(page, id);
  await expect(page.getByTestId('inspector-block')).toHaveAttribute('data-block-id', id);
}

async function setLabel(page: Page, label: string | undefined): Promise<void> {
  if (label === undefined) return;
  await page.getByTestId('inspector-label').fill(label);
  await page.getByTestId('inspector-label').press('Enter');
}

function hasInputPort(page: Page, id: string, port: string): Promise<boolean> {
  return page.locator(`.react-flow__node[data-id="${id}"] .react-flow__handle.target[data-handleid="${port}"]`).count().then((n) => n > 0);
}

/** Every block of the spec, in its order (inputs first): add, place, wire, name, then fill in its form. */
async function buildFlow(page: Page, ids: Ids): Promise<void> {
  for (const block of spec.blocks) {
    if (block.kind === 'import') {
      await selectOnly(page, ids[block.id]!);
      await setLabel(page, block.label);
      continue;
    }
    ids[block.id] = await addFromPalette(page, block.kind);
    const id = ids[block.id]!;
    await moveBlock(page, id, spec.view.positions[block.id]!);
    const incoming = spec.edges.filter((e) => e.to.block === block.id);
    // An input port a setting adds (Train ALS's validation) is there only once the form has been filled in.
    const later: typeof incoming = [];
    for (const edge of incoming) {
      if (!(await hasInputPort(page, id, edge.to.port))) later.push(edge);
      else await connectPorts(page, { block: ids[edge.from.block]!, port: edge.from.port }, { block: id, port: edge.to.port });
    }
    await setLabel(page, block.label);
    await expectFresh(page, incoming.map((e) => ids[e.from.block]!));
    await fillForm[block.id]!(page);
    for (const edge of later) {
      await connectPorts(page, { block: ids[edge.from.block]!, port: edge.from.port }, { block: id, port: edge.to.port });
    }
    await expectFresh(page, [id]);
  }
}

/** The built document says exactly what the spec says, block for block and connection for connection. */
function expectSameFlow(doc: DocView, ids: Ids): void {
  expect(doc.blocks).toHaveLength(spec.blocks.length);
  for (const want of spec.blocks) {
    const got = doc.blocks.find((b) => b.id === ids[want.id]);
    expect(got, want.id).toBeDefined();
    expect({ kind: got!.kind, label: got!.label, params: got!.params }, want.id).toEqual({ kind: want.kind, label: want.label, params: specParams.get(want.id) });
    if (want.fitted !== undefined) expect(got!.fitted, `${want.id} fitted`).toEqual(want.fitted);
  }
  const name = (e: DocView['edges'][number]) => `${e.from.block}.${e.from.port}->${e.to.block}.${e.to.port}`;
  const mapped = spec.edges.map((e) => name({ from: { ...e.from, block: ids[e.from.block]! }, to: { ...e.to, block: ids[e.to.block]! } }));
  expect(doc.edges.map(name).sort()).toEqual(mapped.sort());
}

test('the music flow built from scratch by point and click previews, downloads, and matches the CLI byte for byte', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const expected = golden(FLOW_FILE);

  // An empty canvas: let the first launch's sample flow settle, then start a new flow.
  await openFresh(page);
  await expectFresh(page, musicBlockIds);
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Flow name' }).fill(spec.name);
  await page.getByRole('textbox', { name: 'Flow name' }).press('Enter');

  // 1. Both data files through the top bar's "Import data…" file chooser.
  await importDataFiles(page, ['tracks.csv', 'ratings.csv'].map((f) => join(repoRoot, 'sample-data', 'music', f)));
  const imported = (await studioDoc(page)).blocks;
  const ids: Ids = {};
  for (const input of ['tracks', 'ratings']) {
    const block = imported.find((b) => b.kind === 'import' && b.params.input === input);
    expect(block, `an import block for ${input}`).toBeDefined();
    ids[input] = block!.id;
  }
  await expectFresh(page, [ids.tracks!, ids.ratings!]);

  // 2. The rest of the flow from the palette, laid out as the sample is.
  await frameLayout(page);
  await selectOnly(page, ids.ratings!);
  await moveBlock(page, ids.ratings!, spec.view.positions.ratings!);
  await buildFlow(page, ids);
  expectSameFlow(await studioDoc(page), ids);

  // 3. The split previews rows, and both of its outputs are fresh.
  await selectOnly(page, ids.split!);
  await expect(page.getByTestId(`block-${ids.split}`)).toHaveAttribute('data-status', 'fresh');
  await expect(page.getByTestId('preview-row-count')).toHaveText(/[1-9]/);
  const outputs = page.getByRole('group', { name: 'Output', exact: true });
  for (const port of ['test', 'train']) {
    await outputs.getByRole('button', { name: port, exact: true }).click();
    await expect(page.getByTestId('preview-row-count')).toHaveText(`${expected[`${port}.csv`]!.rows.toLocaleString('en-US')} rows`);
  }
  await page.getByRole('button', { name: 'Fit View', exact: true }).click();
  await page.screenshot({ path: 'test-results/screens/built-from-scratch.png' });

  // 4. The train CSV and the flow, downloaded.
  const browserDir = testInfo.outputPath('browser');
  mkdirSync(browserDir, { recursive: true });
  await selectOnly(page, ids.export_train!);
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-export').click()]);
  expect(csvDownload.suggestedFilename()).toBe('train.csv');
  const browserCsv = join(browserDir, 'train.csv');
  await csvDownload.saveAs(browserCsv);
  // The ALS branch's recommendations (byte for byte) and metrics (by value), as the shipped flow's goldens.
  const goldens = JSON.parse(readFileSync(join(repoRoot, 'sample-data', 'expected', FLOW_FILE.replace(/\.flow\.json$/, '.json')), 'utf8')) as Record<string, GoldenOutput>;
  for (const [blockId, file] of [['export_recommendations', 'recommendations.csv'], ['export_metrics', 'metrics.json']] as const) {
    await selectOnly(page, ids[blockId]!);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-export').click()]);
    expect(download.suggestedFilename()).toBe(file);
    await download.saveAs(join(browserDir, file));
    const { ok, actual } = await matchesGolden(join(browserDir, file), goldens[file]!);
    if (!ok) expect(actual, `the built flow's ${file}`).toEqual(goldens[file]);
  }
  expect(sha256(readFileSync(join(browserDir, 'recommendations.csv')))).toBe(expected['recommendations.csv']!.sha256);
  // Save asks for the file name, prefilled from the flow's name.
  await page.getByRole('button', { name: 'Save…', exact: true }).click();
  const saveDialog = page.getByRole('dialog', { name: 'Save the flow' });
  await expect(saveDialog.getByLabel('File name')).toHaveValue(FLOW_FILE);
  const [flowDownload] = await Promise.all([page.waitForEvent('download'), saveDialog.getByRole('button', { name: 'Download' }).click()]);
  expect(flowDownload.suggestedFilename()).toBe(FLOW_FILE);
  await expect(saveDialog).toBeHidden();
  const flowPath = join(browserDir, FLOW_FILE);
  await flowDownload.saveAs(flowPath);

  const csv = readFileSync(browserCsv);
  const header = csv.subarray(0, csv.indexOf('\n')).toString('utf8').split(',');
  expect(header.slice(0, 2)).toEqual(['Rating', 'energy_5star']);
  expect(header.filter((c) => c.endsWith('_5star'))).toHaveLength(18);

  // 5. The CLI runs the downloaded flow on the same files and writes the same bytes.
  const cliDir = testInfo.outputPath('cli');
  execFileSync('node', ['bin/wrangle.mjs', 'run', flowPath, '--data', join('sample-data', 'music'), '--out', cliDir, '--force'], { cwd: repoRoot, stdio: 'pipe' });
  const cliCsv = readFileSync(join(cliDir, 'train.csv'));
  expect(cliCsv.length).toBe(csv.length);
  expect(cliCsv.equals(csv), 'the CLI and the browser wrote the same train.csv').toBe(true);
  expect(readFileSync(join(cliDir, 'recommendations.csv')).equals(readFileSync(join(browserDir, 'recommendations.csv'))), 'the same recommendations.csv').toBe(true);
  // Built by hand, the flow gives what the shipped sample flow gives.
  expect(sha256(csv)).toBe(expected['train.csv']!.sha256);
});
