import { decodeBase85 } from './base85';
import { readZip } from './zip';

/** Reads a Parquet file's rows as plain values (nested lists as arrays). The host supplies it: see parquet-rows.ts. */
export type ReadParquetRows = (parquet: Uint8Array) => Promise<Record<string, unknown>[]>;

/** A saved Spark ML model: its metadata (class, params) and the rows of its data files. */
export interface SparkModel {
  className: string;
  paramMap: Record<string, unknown>;
  rows: Record<string, unknown>[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Decodes one model of Data Wrangler's fitted state: base85 text → a zip of the Spark model directory →
 * `metadata/part-00000` (JSON) and `data/*.parquet`.
 */
export async function readSparkModel(encoded: string, readParquet: ReadParquetRows): Promise<SparkModel> {
  const entries = readZip(decodeBase85(encoded));
  const metadataEntry = entries.find((e) => /(^|\/)metadata\/part-\d+$/.test(e.name));
  if (!metadataEntry) throw new Error('the saved model has no metadata/part-00000');
  const metadata: unknown = JSON.parse(new TextDecoder().decode(await metadataEntry.read()));
  if (!isRecord(metadata) || typeof metadata.class !== 'string') throw new Error('the saved model metadata names no class');
  const rows: Record<string, unknown>[] = [];
  for (const entry of entries.filter((e) => /(^|\/)data\/[^/.][^/]*\.parquet$/.test(e.name))) {
    rows.push(...(await readParquet(await entry.read())));
  }
  return { className: metadata.class, paramMap: isRecord(metadata.paramMap) ? metadata.paramMap : {}, rows };
}

/** What a fitted StringIndexer holds: the labels in index order, and the settings that shaped them. */
export interface IndexerLabels {
  labels: string[];
  inputColumn?: string;
  handleInvalid?: string;
}

/** The labels of a saved StringIndexerModel: `labelsArray` (Spark 3, one list per input column) or `labels` (Spark 2). */
export async function stringIndexerLabels(encoded: string, readParquet: ReadParquetRows): Promise<IndexerLabels> {
  const model = await readSparkModel(encoded, readParquet);
  if (!model.className.endsWith('StringIndexerModel')) throw new Error(`expected a StringIndexerModel, found ${model.className}`);
  const row = model.rows[0] ?? {};
  const nested = Array.isArray(row.labelsArray) ? row.labelsArray[0] : row.labels;
  if (!Array.isArray(nested) || !nested.every((l) => typeof l === 'string')) throw new Error('the StringIndexerModel holds no labels');
  const inputColumn = model.paramMap.inputCol;
  const handleInvalid = model.paramMap.handleInvalid;
  return {
    labels: nested,
    ...(typeof inputColumn === 'string' && { inputColumn }),
    ...(typeof handleInvalid === 'string' && { handleInvalid }),
  };
}
