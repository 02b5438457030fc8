/**
 * Starting the studio: recover the autosaved flow if there is one, otherwise load the music sample on its bundled
 * data, so every block previews on first launch. Then connect the engine and start autosaving.
 */
import { parseFlow } from '../../engine/flow/parse';
import type { FlowDocument } from '../../engine/flow/schema';
import type { EngineClient } from '../../worker/engine-api';
import { startAutosave, type AutosaveRecord, type FlowStorage } from '../state/autosave';
import { indexedDbStorage } from '../state/indexeddb-flow-storage';
import { expectedInputs } from '../state/missing-inputs';
import { errorMessage } from '../state/run-loop';
import { getStudioState, studioActions, studioInternals, subscribeStudio } from '../state/studio-store';
import { downloadFlow } from './download';

/** Served from `sample-data/` by vite-plugins/sample-data.ts, in dev and in the build alike. */
const SAMPLE_BASE = `${import.meta.env.BASE_URL}sample-data/`;
export const SAMPLE_FLOW_URL = `${SAMPLE_BASE}flows/music-recommendation.flow.json`;
/** The bundled data files, by the file name a flow declares. */
export const SAMPLE_FILES: Readonly<Record<string, string>> = {
  'tracks.csv': `${SAMPLE_BASE}music/tracks.csv`,
  'ratings.csv': `${SAMPLE_BASE}music/ratings.csv`,
};

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response;
}

/** A bundled data file as a File, as if the user had picked it. */
export async function fetchSampleFile(fileName: string): Promise<File> {
  const url = SAMPLE_FILES[fileName];
  if (url === undefined) throw new Error(`${fileName} is not a bundled sample file`);
  const bytes = await (await fetchOk(url)).arrayBuffer();
  return new File([bytes], fileName, { type: 'text/csv' });
}

export async function fetchSampleFlow(): Promise<FlowDocument> {
  return parseFlow(await (await fetchOk(SAMPLE_FLOW_URL)).text());
}

/**
 * Starts downloading the bundled files for these inputs of the flow (those that declare a bundled file name), and
 * marks the inputs as the sample's at once, so an edit autosaved before the files arrive still remembers them.
 */
function fetchSampleInputs(doc: FlowDocument, names: ReadonlySet<string>): Promise<{ name: string; file: File }[]> {
  const wanted = expectedInputs(doc).filter((i) => names.has(i.name) && SAMPLE_FILES[i.file] !== undefined);
  studioInternals.expectSampleInputs(wanted.map((i) => i.name));
  return Promise.all(wanted.map(async (i) => ({ name: i.name, file: await fetchSampleFile(i.file) })));
}

/** Registers the fetched files, all before the flow first runs on them. */
async function registerSampleInputs(fetching: Promise<{ name: string; file: File }[]>): Promise<void> {
  try {
    for (const { name, file } of await fetching) {
      // The user chose a file of their own for it while the sample downloaded, or opened another flow: theirs wins.
      if (!studioInternals.sampleInputs().includes(name)) continue;
      await studioInternals.registerSampleFile(name, file);
    }
  } catch (e) {
    studioInternals.notify('error', `The sample data could not be loaded: ${errorMessage(e)}. Choose the files by hand.`);
  }
}

async function readAutosave(storage: FlowStorage): Promise<{ record?: AutosaveRecord; failed?: string }> {
  try {
    const record = await storage.load();
    return record ? { record } : {};
  } catch (e) {
    return { failed: errorMessage(e) };
  }
}

/**
 * Boots the studio. Resolves when the flow is loaded and its files registered; the first run is then under way.
 * Returns a function that stops autosaving.
 */
export async function startStudio(engine: EngineClient, storage: FlowStorage = indexedDbStorage()): Promise<() => void> {
  const download = (): void => downloadFlow(getStudioState().doc);
  const engineReady = engine.init().catch((e: unknown) => {
    studioInternals.notify('error', `The engine did not start: ${errorMessage(e)}. Reload the page to try again.`);
  });
  const saved = await readAutosave(storage);
  let doc: FlowDocument | undefined;
  let sampleInputs = new Set<string>();
  if (saved.record) {
    try {
      doc = parseFlow(saved.record.flow);
      sampleInputs = new Set(saved.record.sampleInputs);
    } catch (e) {
      studioInternals.notify('warning', `The autosaved flow could not be read (${errorMessage(e)}); the sample flow is loaded instead.`);
    }
  }
  if (doc) {
    studioInternals.hydrate(doc);
    studioInternals.notify('info', 'Your flow from the last session is back.');
  } else {
    try {
      doc = await fetchSampleFlow();
      studioInternals.hydrate(doc);
      // First launch: every input the sample flow reads is a bundled file.
      sampleInputs = new Set(expectedInputs(doc).map((i) => i.name));
    } catch (e) {
      studioInternals.notify('error', `The sample flow could not be loaded: ${errorMessage(e)}. Start from an empty flow.`);
    }
  }
  // The files download while the engine starts.
  const fetching = doc ? fetchSampleInputs(doc, sampleInputs) : Promise.resolve([]);
  // Awaited below; this only keeps a failed download from counting as unhandled while the engine starts.
  fetching.catch(() => undefined);
  // Autosave from the first edit: the user can edit the flow while the engine starts and the files download.
  const host = { getState: getStudioState, subscribe: subscribeStudio, internals: studioInternals, actions: studioActions };
  const stopAutosave = startAutosave(host, storage, download, {
    ...(saved.failed !== undefined ? { failed: saved.failed } : {}),
    knownRevision: saved.record?.revision ?? 0,
    // "Load theirs" in a tab conflict: the other tab's flow gets its bundled files back, as after a reload.
    restoreSamples: (loaded, names) => void registerSampleInputs(fetchSampleInputs(loaded, new Set(names))),
  });
  await engineReady;
  studioInternals.attachEngine(engine);
  await registerSampleInputs(fetching);
  studioInternals.runAll();
  return stopAutosave;
}
