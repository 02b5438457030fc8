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

export const musicBlockIds = [
  'tracks', 'ratings', 'genre_onehot', 'danceability', 'join_tracks', 'five_star_avg', 'drop_ids',
  'join_users', 'tidy', 'split', 'export_train', 'export_test',
];

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

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function golden(flowFile: string): Record<string, { sha256: string; rows: number; columns: string[] }> {
  return JSON.parse(readFileSync(join(repoRoot, 'sample-data', 'expected', flowFile.replace(/\.flow\.json$/, '.json')), 'utf8'));
}

export async function clickBlock(page: Page, id: string): Promise<void> {
  await page.getByTestId(`block-${id}`).click();
}
