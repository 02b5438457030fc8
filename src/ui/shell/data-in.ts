/**
 * Files coming into the studio, dropped or picked: a flow file is opened, a data file becomes an import block (or
 * fills an input the flow already expects by that file name), and anything else is refused with a reason.
 */
import { placeNewBlock } from '../state/doc-edits';
import { readFlow } from '../state/parse-once';
import { expectedInputs } from '../state/missing-inputs';
import { errorMessage } from '../state/run-loop';
import { getStudioState, studioActions } from '../state/studio-store';
import { declaredInputOf } from '../../engine/inputs/declared-inputs';
import { fileReaderBlock } from '../blocks/registry';
import { isFlowFileName } from './flow-file-name';
import { importDataWranglerFile } from './dw-import';
import { readFileText } from './read-file-text';

/** Opens a flow file; one that is not a valid flow leaves the current document as it is and says why. */
export async function openFlowFile(file: File): Promise<void> {
  const text = await readFileText(file);
  if (text === undefined) return;
  try {
    studioActions.load(readFlow(text));
  } catch (e) {
    studioActions.notify('error', `${file.name} is not a flow Wrangle can open. ${errorMessage(e)}`);
  }
}

/** Imports data files: one import block each, registered and selected. */
export async function importDataFiles(files: readonly File[]): Promise<void> {
  const chosen: string[] = [];
  for (const file of files) {
    const { doc, missingInputs } = getStudioState();
    // A file the flow is waiting for (after a reload, say) fills that input rather than adding a second import.
    const awaited = missingInputs.find((m) => m.file === file.name);
    if (awaited) {
      await studioActions.registerInputFile(awaited.name, file);
      chosen.push(...doc.blocks.filter((b) => declaredInputOf(b)?.name === awaited.name).map((b) => b.id));
      continue;
    }
    const params = await fileReaderBlock.paramsFor(file, new Set(expectedInputs(doc).map((i) => i.name)));
    if (!params) {
      studioActions.notify('warning', `${file.name} was not imported: Wrangle reads CSV, TSV, Parquet, JSON and JSONL files.`);
      continue;
    }
    const id = studioActions.addBlock(fileReaderBlock.kind, placeNewBlock(getStudioState().doc, undefined), params);
    if (id === '') continue;
    chosen.push(id);
    await studioActions.registerInputFile(params.input, file);
  }
  if (chosen.length > 0) studioActions.select(chosen);
}

/** Sorts incoming files: a Data Wrangler flow is converted, the first flow file is opened (alone), otherwise every data file is imported. */
export async function receiveFiles(files: readonly File[]): Promise<void> {
  // A SageMaker Data Wrangler flow (`.flow`) is converted, as "Import Data Wrangler flow…" does.
  const dataWrangler = files.find((f) => /\.flow$/i.test(f.name));
  if (dataWrangler) {
    await importDataWranglerFile(dataWrangler);
    return;
  }
  const flows = files.filter((f) => isFlowFileName(f.name));
  const flow = flows[0];
  if (flow) {
    if (files.length > 1) studioActions.notify('info', `Opened ${flow.name}; the other files were not imported. Drop data files on their own.`);
    await openFlowFile(flow);
    return;
  }
  await importDataFiles(files);
}
