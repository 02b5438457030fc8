/**
 * A small reader for zip archives (the saved Spark models in Data Wrangler's fitted state): the central directory,
 * then each entry, stored or deflated. Inflating uses the platform's DecompressionStream, in the browser and Node.
 */

export interface ZipEntry {
  name: string;
  /** The entry's bytes, inflated. */
  read(): Promise<Uint8Array>;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

function fail(detail: string): never {
  throw new Error(`not a zip archive: ${detail}`);
}

function findEndOfDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const earliest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= earliest; at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  return fail('no end-of-directory record');
}

async function inflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The entries of a zip archive, in directory order. Throws on a truncated or unsupported archive. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  if (bytes.byteLength < 22) fail(`only ${bytes.byteLength} bytes`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const text = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== DIRECTORY_ENTRY) fail(`directory entry ${i + 1} is damaged`);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localAt = view.getUint32(at + 42, true);
    const name = text.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    entries.push({
      name,
      read: async () => {
        if (localAt + 30 > bytes.byteLength || view.getUint32(localAt, true) !== LOCAL_HEADER) fail(`entry ${name} has no local header`);
        const start = localAt + 30 + view.getUint16(localAt + 26, true) + view.getUint16(localAt + 28, true);
        if (start + compressedSize > bytes.byteLength) fail(`entry ${name} is truncated`);
        const data = bytes.subarray(start, start + compressedSize);
        if (method === STORED) return data.slice();
        if (method !== DEFLATED) fail(`entry ${name} uses compression method ${method}; only stored and deflate are read`);
        const inflated = await inflateRaw(data);
        if (inflated.byteLength !== size) fail(`entry ${name} inflates to ${inflated.byteLength} bytes, not ${size}`);
        return inflated;
      },
    });
  }
  return entries;
}
