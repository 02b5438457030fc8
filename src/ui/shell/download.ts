/** Saving files to the user's downloads: flows and anything else the studio hands out. */
import { serializeFlow } from '../../engine/flow/parse';
import type { FlowDocument } from '../../engine/flow/schema';

function blobPart(content: string | Uint8Array | Blob): BlobPart {
  if (!(content instanceof Uint8Array)) return content;
  // Bytes from the engine arrive in a plain (transferred) ArrayBuffer and go in as they are; a view of shared memory
  // cannot go into a Blob, so it is copied.
  return content.buffer instanceof ArrayBuffer ? (content as Uint8Array<ArrayBuffer>) : new Uint8Array(content);
}

/** Offers bytes or text as a download under `fileName`. */
export function downloadFile(fileName: string, content: string | Uint8Array | Blob, type: string): void {
  const url = URL.createObjectURL(new Blob([blobPart(content)], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next turn: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** `Music recommendation` → `music-recommendation.flow.json`. */
export function flowFileName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[\s_]+/g, '-')
    .toLowerCase()
    .slice(0, 80);
  return `${slug || 'flow'}.flow.json`;
}

export function downloadFlow(doc: FlowDocument): void {
  downloadFile(flowFileName(doc.name), serializeFlow(doc), 'application/json');
}
