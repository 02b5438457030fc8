import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';

export const repoRoot = join(import.meta.dirname, '..');

/** The test hooks the studio installs on window (see src/ui/main.tsx). */
export interface StudioHooks {
  getDoc(): unknown;
  getRuntime(): Record<string, { status: string; rows?: number; error?: { code: string } }>;
  killEngine(): Promise<void>;
}

/** A flow file of sample-data/flows, as the e2e specs read it. */
export interface FixtureFlow {
  blocks: { id: string; kind: string; params: { input?: string; file?: string } }[];
}

export function readFixtureFlow(flowFile: string): FixtureFlow {
  return JSON.parse(readFileSync(join(repoRoot, 'sample-data', 'flows', flowFile), 'utf8')) as FixtureFlow;
}

/** Every block of the music sample flow that first launch loads: the workshop part, its ALS branch and the exports. */
export const musicBlockIds: readonly string[] = readFixtureFlow('music-recommendation.flow.json').blocks.map((b) => b.id);

/** Waits until every given block shows a fresh result. */
export async function expectFresh(page: Page, ids: readonly string[], timeout = 90_000): Promise<void> {
  for (const id of ids) await expect(page.getByTestId(`block-${id}`)).toHaveAttribute('data-status', 'fresh', { timeout });
}

/** Opens the studio on a clean profile: no autosave, so the sample flow loads. */
export async function openFresh(page: Page): Promise<void> {
  await page.goto('/');
  await page.evaluate(() => new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase('wrangle-studio');
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  }));
  await page.reload();
}

/** Opens a flow file through the top bar's Open…, as a user picks one. */
/** Imports files through the top bar's "Import data…" chooser; each becomes an import block on the canvas. */
export async function importDataFiles(page: Page, paths: string | readonly string[]): Promise<void> {
  const files = typeof paths === 'string' ? [paths] : [...paths];
  const before = await page.locator('.react-flow__node').count();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import data…' }).click();
  await (await chooser).setFiles(files);
  await expect(page.locator('.react-flow__node')).toHaveCount(before + files.length);
}

export async function openFlowFile(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…', exact: true }).click();
  await (await chooser).setFiles(path);
}

/**
 * Chooses, for each input the studio asks for, the file of that name in `dataDir`; waits until it asks for nothing.
 * `inputs` are the flow's input names and file names.
 */
export async function provideInputs(page: Page, dataDir: string, inputs: readonly { name: string; file: string }[]): Promise<void> {
  const asking = page.getByRole('region', { name: 'Files the flow needs' });
  for (const { name, file } of inputs) {
    await expect(asking.getByText(name, { exact: true })).toBeVisible();
    await asking.getByLabel(`Choose the file for input ${name}`, { exact: true }).setInputFiles(join(dataDir, file));
  }
  await expect(asking).toHaveCount(0);
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function golden(flowFile: string): Record<string, { sha256: string; rows: number; columns: string[] }> {
  return JSON.parse(readFileSync(join(repoRoot, 'sample-data', 'expected', flowFile.replace(/\.flow\.json$/, '.json')), 'utf8'));
}

/**
 * Fitting never shrinks titles under 11 px, so a big flow can reach past the view: centre the blocks, together, until
 * each sits inside the canvas (a fit, a restored viewport or the pan to a block just added may still move the view).
 */
export async function revealInCanvas(page: Page, ids: string | readonly string[]): Promise<void> {
  const blocks = typeof ids === 'string' ? [ids] : [...ids];
  await expect.poll(async () => {
    await page.evaluate((blockIds) => (window as unknown as { __wrangle: { revealBlocks(ids: readonly string[]): void } }).__wrangle.revealBlocks(blockIds), blocks);
    await page.waitForTimeout(100);
    for (const id of blocks) if (!(await insideCanvas(page, page.locator(`.react-flow__node[data-id="${id}"]`)))) return false;
    return true;
  }, { message: `blocks ${blocks.join(', ')} inside the canvas` }).toBe(true);
}

/** Whether an element's centre lies inside the canvas's visible area. */
async function insideCanvas(page: Page, element: ReturnType<Page['locator']>): Promise<boolean> {
  const canvas = await page.locator('.react-flow').first().boundingBox();
  const box = await element.boundingBox();
  if (!canvas || !box) return false;
  const c = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  return c.x > canvas.x + 4 && c.x < canvas.x + canvas.width - 4 && c.y > canvas.y + 4 && c.y < canvas.y + canvas.height - 4;
}

export async function clickBlock(page: Page, id: string): Promise<void> {
  await revealInCanvas(page, id);
  await page.getByTestId(`block-${id}`).click();
}

/** The parts of a flow document the canvas-driving helpers read. */
export interface DocView {
  name: string;
  blocks: { id: string; kind: string; label?: string; params: Record<string, unknown>; fitted?: unknown }[];
  edges: { from: { block: string; port: string }; to: { block: string; port: string } }[];
  view?: { positions?: Record<string, { x: number; y: number }> };
}

export function studioDoc(page: Page): Promise<DocView> {
  return page.evaluate(() => (window as unknown as { __wrangle: { getDoc(): DocView } }).__wrangle.getDoc());
}

/** The canvas's pan and zoom: a flow point p shows at (left + x + p.x·zoom, top + y + p.y·zoom) on the page. */
export async function canvasViewport(page: Page): Promise<{ left: number; top: number; width: number; height: number; x: number; y: number; zoom: number }> {
  const box = (await page.locator('.flow-canvas .react-flow').boundingBox())!;
  const transform = await page.locator('.flow-canvas .react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  const m = /translate\(\s*(-?[\d.]+)px,\s*(-?[\d.]+)px\)\s*scale\((-?[\d.]+)\)/.exec(transform);
  if (!m) throw new Error(`unexpected viewport transform: ${transform}`);
  return { left: box.x, top: box.y, width: box.width, height: box.height, x: Number(m[1]), y: Number(m[2]), zoom: Number(m[3]) };
}

/**
 * Adds a block by double-clicking its palette item; the new block is selected, so its id is the inspector's. With
 * `after`, the selected block stays selected, so the new one lands to its right wired to it; without, nothing is
 * selected first and the spec wires it itself.
 */
export async function addFromPalette(page: Page, kind: string, options: { after?: boolean } = {}): Promise<string> {
  const before = new Set((await studioDoc(page)).blocks.map((b) => b.id));
  if (!options.after) await page.evaluate(() => (window as unknown as { __wrangle: { actions: { select(ids: string[]): void } } }).__wrangle.actions.select([]));
  await page.getByTestId(`palette-${kind}`).dblclick();
  let added = '';
  await expect.poll(async () => {
    added = (await studioDoc(page)).blocks.map((b) => b.id).find((id) => !before.has(id)) ?? '';
    return added;
  }).not.toBe('');
  await expect(page.getByTestId('inspector-block')).toHaveAttribute('data-block-id', added);
  return added;
}

/** Drags a block by its title bar so that its top-left corner lands on `to`, in flow units. */
export async function moveBlock(page: Page, id: string, to: { x: number; y: number }): Promise<void> {
  const from = (await studioDoc(page)).view?.positions?.[id];
  if (!from) throw new Error(`block ${id} has no position`);
  const { zoom } = await canvasViewport(page);
  const box = (await page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox())!;
  const grab = { x: box.x + box.width / 2, y: box.y + Math.min(6, box.height / 4) };
  // React Flow starts a drag once the pointer has moved past its threshold, and measures from there: take that
  // first step (the block stays put), then move by the distance wanted. Keep clear of the canvas edges, where
  // React Flow pans while dragging.
  const start = { x: grab.x + 3, y: grab.y };
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(start.x, start.y);
  await page.mouse.move(start.x + (to.x - from.x) * zoom, start.y + (to.y - from.y) * zoom, { steps: 8 });
  await page.mouse.up();
  // Within a few units: the pointer moves in whole pixels of the zoomed canvas.
  await expect.poll(async () => {
    const p = (await studioDoc(page)).view?.positions?.[id];
    return p === undefined ? undefined : Math.max(Math.abs(p.x - to.x), Math.abs(p.y - to.y)) <= 4 || `at ${p.x},${p.y}`;
  }, { message: `block ${id} moved to ${to.x},${to.y}` }).toBe(true);
}

function centre(box: { x: number; y: number; width: number; height: number }): { x: number; y: number } {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Draws a connection from an output port to an input port with the mouse, and waits for the document to have it. */
export async function connectPorts(page: Page, from: { block: string; port: string }, to: { block: string; port: string }): Promise<void> {
  const source = page.locator(`.react-flow__node[data-id="${from.block}"] .react-flow__handle.source[data-handleid="${from.port}"]`);
  const target = page.locator(`.react-flow__node[data-id="${to.block}"] .react-flow__handle.target[data-handleid="${to.port}"]`);
  // Both ends must be on screen to draw the wire: centre the two blocks together (one after the other would push the
  // first out again when they lie far apart).
  await revealInCanvas(page, [from.block, to.block]);
  if (!(await insideCanvas(page, source)) || !(await insideCanvas(page, target))) {
    throw new Error(`blocks ${from.block} and ${to.block} lie too far apart to show both in the canvas`);
  }
  const a = centre((await source.boundingBox())!);
  const b = centre((await target.boundingBox())!);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x, b.y, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await studioDoc(page)).edges.some(
    (e) => e.from.block === from.block && e.from.port === from.port && e.to.block === to.block && e.to.port === to.port,
  ), { message: `${from.block}.${from.port} → ${to.block}.${to.port} connected` }).toBe(true);
}

type Box = { x: number; y: number; width: number; height: number };
const intersection = (a: Box, b: Box): Box | undefined => {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : undefined;
};

/**
 * The blocks whose visible part (what the canvas does not clip) lies under the overview map or the zoom buttons, by
 * id; empty when the tools cover no block. Expects both tools on screen.
 */
export async function blocksUnderCanvasTools(page: Page): Promise<string[]> {
  const pane = (await page.locator('.flow-canvas .react-flow').boundingBox())!;
  const tools: Box[] = [];
  for (const selector of ['.react-flow__minimap', '.canvas-rail__controls']) {
    const box = await page.locator(`.flow-canvas ${selector}`).boundingBox();
    expect(box, `${selector} is on screen`).not.toBeNull();
    tools.push(box!);
  }
  const covered: string[] = [];
  for (const node of await page.locator('.flow-canvas .react-flow__node').all()) {
    const box = await node.boundingBox();
    const visible = box ? intersection(box, pane) : undefined;
    if (visible && tools.some((tool) => intersection(visible, tool))) covered.push((await node.getAttribute('data-id')) ?? '?');
  }
  return covered;
}
