import type { FlowDocument } from '../../engine/flow/schema';
import { declaredInputOf } from '../../engine/inputs/declared-inputs';

/** A logical input the flow reads, with the file name it expects. */
export interface ExpectedInput {
  name: string;
  file: string;
}

/**
 * The flow's inputs in order of first use. Unlike `declaredInputs`, two blocks that disagree on the file are not
 * an error here: the first one names the file to ask for, and the engine reports the conflict on the block.
 */
export function expectedInputs(doc: FlowDocument): ExpectedInput[] {
  const byName = new Map<string, ExpectedInput>();
  for (const b of doc.blocks) {
    const input = declaredInputOf(b);
    if (input && !byName.has(input.name)) byName.set(input.name, { name: input.name, file: input.file });
  }
  return [...byName.values()];
}

/**
 * Inputs the flow reads that have no file: none was chosen since the page loaded (the browser keeps no files across
 * a reload), or the one chosen was for another file name (a different flow was opened, or the import now expects
 * another file). `registered` maps each input to the file name it was registered under.
 */
export function missingInputs(doc: FlowDocument, registered: ReadonlyMap<string, string>): ExpectedInput[] {
  return expectedInputs(doc).filter((i) => registered.get(i.name) !== i.file);
}
