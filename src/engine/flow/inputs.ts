import { fail } from '../errors/catalog';
import type { CsvEncodingChoice } from '../blocks/import/encoding';
import type { FlowDocument } from './schema';

/** A logical input of a flow: its name, the bare file name it expects, and its format. */
export interface DeclaredInput {
  name: string;
  file: string;
  format: string;
  /** The text encoding an import block sets for it (CSV and TSV), if any: the host then reads it so. */
  encoding?: CsvEncodingChoice;
}

/** The flow's inputs, from its import blocks. Two imports of one name must agree on the file. */
export function declaredInputs(flow: FlowDocument): DeclaredInput[] {
  const byName = new Map<string, DeclaredInput>();
  for (const b of flow.blocks) {
    if (b.kind !== 'import') continue;
    const { input, file, format } = b.params;
    const seen = byName.get(input);
    if (seen && seen.file !== file) fail('E_INPUT_CONFLICT', { name: input, files: `${seen.file}, ${file}` }, b.id);
    const encoding = seen?.encoding ?? b.params.csv.encoding;
    byName.set(input, { name: input, file, format, ...(encoding ? { encoding } : {}) });
  }
  return [...byName.values()];
}
