import { blockDefinition } from '../blocks/registry';
import { fail } from '../errors/catalog';
import type { FlowBlock, FlowDocument } from '../flow/schema';
import type { CsvEncodingChoice } from './encoding';

/** A logical input of a flow: its name, the bare file name it expects, and its format. */
export interface DeclaredInput {
  name: string;
  file: string;
  format: string;
  /** The text encoding the block sets for it (CSV and TSV), if any: the host then reads it so. */
  encoding?: CsvEncodingChoice;
}

/** The input a block asks the host for (an import's file), if it reads one. */
export function declaredInputOf(block: FlowBlock): DeclaredInput | undefined {
  return blockDefinition(block.kind).declaredInput?.(block.params);
}

/** The file a block writes into the output directory (an export's), if it writes one. */
export function declaredOutputOf(block: FlowBlock): string | undefined {
  return blockDefinition(block.kind).declaredOutput?.(block.params);
}

/** The flow's inputs, from the blocks that read files. Two blocks reading one name must agree on the file. */
export function declaredInputs(flow: FlowDocument): DeclaredInput[] {
  const byName = new Map<string, DeclaredInput>();
  for (const b of flow.blocks) {
    const input = declaredInputOf(b);
    if (!input) continue;
    const seen = byName.get(input.name);
    if (seen && seen.file !== input.file) fail('E_INPUT_CONFLICT', { name: input.name, files: `${seen.file}, ${input.file}` }, b.id);
    const encoding = seen?.encoding ?? input.encoding;
    byName.set(input.name, { ...input, ...(encoding ? { encoding } : {}) });
  }
  return [...byName.values()];
}

/** Text formats, whose row count DuckDB cannot know before reading the whole file. */
export function isTextFormat(format: string): boolean {
  return format === 'csv' || format === 'tsv';
}
