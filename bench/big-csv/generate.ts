/**
 * A generated CSV of about 1 GiB for the import bench: shop events with ids, a timestamp, text with commas and quotes
 * (quoted as RFC 4180 wants), integers and decimals. Seeded, so every machine reads the same bytes; written once into
 * sample-data/generated/ (git-ignored) and reused.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { SeededRandom } from '../../src/ml/rng';

export const BIG_CSV_BYTES = 2 ** 30;
const COUNTRIES = ['DE', 'FR', 'GB', 'US', 'JP', 'BR', 'IN', 'NG', 'PL', 'SE', 'ES', 'IT'];
const NOTES = ['', 'gift', 'returned, then kept', 'said "great"', 'bulk order', 'first order', 'discount; code SPRING'];
const HEADER = 'eventId,ts,userId,itemId,country,quantity,price,rating,note\n';

/** RFC 4180: a field with a comma, a quote or a line break is quoted, and its quotes doubled. */
const csvField = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** Writes the file unless it is there with at least `bytes` bytes; returns its size and row count. */
export function ensureBigCsv(path: string, bytes = BIG_CSV_BYTES): { bytes: number; rows: number } {
  const rowsFile = `${path}.rows`;
  if (existsSync(path) && existsSync(rowsFile) && statSync(path).size >= bytes) {
    return { bytes: statSync(path).size, rows: Number(readFileSync(rowsFile, 'utf8')) };
  }
  mkdirSync(dirname(path), { recursive: true });
  console.log(`generating a ${(bytes / 2 ** 30).toFixed(1)} GiB CSV into ${path} …`);
  const rng = new SeededRandom(20261122);
  const partial = `${path}.partial`;
  const fd = openSync(partial, 'w');
  let written = writeSync(fd, HEADER);
  let rows = 0;
  const start = Date.UTC(2025, 0, 1) / 1000;
  while (written < bytes) {
    const lines: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      rows++;
      const ts = new Date((start + Math.floor(rng.next() * 365 * 86_400)) * 1000).toISOString().slice(0, 19).replace('T', ' ');
      const price = (1 + rng.next() * 499).toFixed(2);
      const note = NOTES[Math.floor(rng.next() * NOTES.length)]!;
      lines.push(
        `${rows},${ts},u${Math.floor(rng.next() * 1_000_000)},i${Math.floor(rng.next() ** 2 * 50_000)},` +
          `${COUNTRIES[Math.floor(rng.next() * COUNTRIES.length)]},${1 + Math.floor(rng.next() * 5)},${price},` +
          `${1 + Math.floor(rng.next() * 5)},${csvField(note)}\n`,
      );
    }
    written += writeSync(fd, lines.join(''));
  }
  closeSync(fd);
  renameSync(partial, path);
  writeFileSync(rowsFile, String(rows));
  return { bytes: written, rows };
}
