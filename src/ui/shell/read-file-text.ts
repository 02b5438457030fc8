import { errorMessage } from '../state/run-loop';
import { studioActions } from '../state/studio-store';

/** A chosen file's text, or undefined after telling the user it could not be read (a moved or unreadable file). */
export async function readFileText(file: File): Promise<string | undefined> {
  try {
    return await file.text();
  } catch (e) {
    studioActions.notify('error', `${file.name} could not be read: ${errorMessage(e)}`);
    return undefined;
  }
}
