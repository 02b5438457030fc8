/** Export → PySpark job…: the job `wrangle pyspark` writes for the open flow, made by the engine worker. */
import type { EngineClient } from '../../worker/engine-api';
import { blockTitle } from '../blocks/hook-registry';
import { describeFailure } from '../preview/preview-status';
import { getStudioState, studioActions } from '../state/studio-store';
import { downloadFile, flowFileName } from './download';

/** `music-recommendation.flow.json` → `music-recommendation.py`. */
export function pysparkJobFileName(flowName: string): string {
  return flowFileName(flowName).replace(/\.flow\.json$/, '.py');
}

/**
 * Downloads the open flow as a PySpark job. The job's header names the flow file as Save names it, so the job is
 * byte for byte what `wrangle pyspark` writes for that saved file. A block that cannot become PySpark is named in
 * an error notice, by its title as the canvas shows it.
 */
export async function exportPySparkJob(engine: EngineClient): Promise<void> {
  const doc = getStudioState().doc;
  try {
    const job = await engine.pysparkJob(doc, flowFileName(doc.name));
    downloadFile(pysparkJobFileName(doc.name), job, 'text/x-python');
  } catch (err) {
    const failure = describeFailure(err);
    const blockId = typeof err === 'object' && err !== null ? (err as { blockId?: unknown }).blockId : undefined;
    const block = doc.blocks.find((b) => b.id === blockId);
    const named = block ? `“${blockTitle(block)}”: ` : '';
    studioActions.notify('error', `No PySpark job was written. ${named}${failure.message}`);
  }
}
