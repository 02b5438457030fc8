/**
 * A polluted CSV corpus, made from a few clean tables by a seeded generator: each file is one clean table written
 * with one pollution (a dialect, a preamble, a second table, an encoding, …), and comes with the table a person
 * expects from it, as text cells. `scoreImport` (table-score.ts) compares an import with it. The same seed makes the
 * same bytes, so a score is reproducible; the files are written into a temporary directory by the test.
 */
import { encodeText, pollutions, type Pollution } from './polluted-pollutions';

/** A table as text cells: what a person reads in the file, and what an export writes back. */
export interface TextTable {
  header: string[];
  rows: string[][];
}

export interface PollutedFile {
  /** File name, unique in the corpus: `<table>-<pollution>-<variant>.csv`. */
  name: string;
  table: string;
  pollution: string;
  bytes: Uint8Array;
  expected: TextTable;
}

/** mulberry32: a small seeded generator, the same numbers on every platform. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

const FIRST = ['Ann', 'Bob', 'Chloé', 'Dev', 'Eve', 'Fritz', 'Günter', 'Hana', 'Inès', 'José'];
const LAST = ['Lee', 'Smith', 'Müller', "O'Brien", 'Núñez', 'Durand', 'Kim', 'Björk'];
const CITIES = ['Zürich', 'Genève', 'Málaga', 'York', 'Leeds', 'São Paulo', 'Reykjavík', 'Bath'];
const TITLES = ['Casablanca', 'The "Best" Years', 'Psycho', "Singin' in the Rain", 'Alien, the film', 'Up', 'Heat'];
const WORDS = ['good', 'fine, really', 'said "wow"', 'meh', 'great; again', 'long | pipe', 'ok'];

/** The clean tables, each a few columns of the kinds a person meets: ids, names, numbers, dates, free text. */
function cleanTables(rnd: () => number, rows: number): Record<string, TextTable> {
  const range = Array.from({ length: rows }, (_, i) => i);
  return {
    people: {
      header: ['id', 'name', 'city', 'score', 'joined'],
      rows: range.map((i) => [
        String(i + 1),
        `${pick(rnd, FIRST)} ${pick(rnd, LAST)}`,
        pick(rnd, CITIES),
        (Math.floor(rnd() * 100) / 10).toFixed(1),
        `20${pad(10 + Math.floor(rnd() * 14), 2)}-${pad(1 + Math.floor(rnd() * 12), 2)}-${pad(1 + Math.floor(rnd() * 28), 2)}`,
      ]),
    },
    ratings: {
      header: ['userId', 'movieId', 'rating', 'timestamp'],
      rows: range.map((i) => [String(1 + Math.floor(i / 4)), String(1 + Math.floor(rnd() * 5000)), (1 + Math.floor(rnd() * 9) / 2).toFixed(1), String(900000000 + Math.floor(rnd() * 700000000))]),
    },
    orders: {
      header: ['order_id', 'day', 'time', 'price', 'qty'],
      rows: range.map(() => [
        pad(Math.floor(rnd() * 99999), 5),
        `${pad(13 + Math.floor(rnd() * 15), 2)}/${pad(1 + Math.floor(rnd() * 12), 2)}/20${pad(15 + Math.floor(rnd() * 9), 2)}`,
        `${pad(Math.floor(rnd() * 24), 2)}:${pad(Math.floor(rnd() * 60), 2)}`,
        `$${(Math.floor(rnd() * 10000) / 100).toFixed(2)}`,
        String(1 + Math.floor(rnd() * 20)),
      ]),
    },
    films: {
      header: ['film_id', 'title', 'year', 'comment'],
      rows: range.map((i) => [String(100 + i), pick(rnd, TITLES), String(1940 + Math.floor(rnd() * 80)), pick(rnd, WORDS)]),
    },
  };
}

/**
 * The corpus: every clean table with every pollution that applies to it, in `variants` seeded variants (different
 * rows). About 4 tables × 30 pollutions × variants files.
 */
export function pollutedCorpus(seed = 16, variants = 2, rows = 12): PollutedFile[] {
  const files: PollutedFile[] = [];
  for (let v = 0; v < variants; v++) {
    const tables = cleanTables(seededRandom(seed * 1000 + v), rows);
    for (const [table, clean] of Object.entries(tables)) {
      for (const p of pollutions) {
        const rnd = seededRandom(seed * 7919 + v * 131 + files.length);
        const made = p.make(clean, rnd);
        if (!made) continue;
        files.push({ name: `${table}-${p.name}-${v}.csv`, table, pollution: p.name, bytes: encodeText(made.text, made.encoding ?? 'utf-8'), expected: made.expected });
      }
    }
  }
  return files;
}

export type { Pollution };
