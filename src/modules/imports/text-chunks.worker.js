// The thread behind text-chunks.ts: reads a file, unpacks gzip and decodes the text, sending
// it on a chunk at a time and keeping at most `window` chunks unread by the other side.
// Plain JavaScript, so that it starts without the TypeScript loader.
import fs from 'node:fs';
import { createGunzip } from 'node:zlib';
import { parentPort, workerData } from 'node:worker_threads';

const { path, encoding, gzip, window } = workerData;
let unread = 0;
let wake = null;
parentPort.on('message', () => {
  unread--;
  if (wake && unread < window) {
    wake();
    wake = null;
  }
});

const file = fs.createReadStream(path, { highWaterMark: 256 * 1024 });
const source = gzip ? file.pipe(createGunzip({ chunkSize: 256 * 1024 })) : file;
file.on('error', (error) => source.destroy(error));
const decoder = new TextDecoder(encoding, { fatal: false, ignoreBOM: true });
try {
  for await (const bytes of source) {
    parentPort.postMessage({ text: decoder.decode(bytes, { stream: true }), bytesRead: file.bytesRead });
    if (++unread >= window) await new Promise((resolve) => (wake = resolve));
  }
  parentPort.postMessage({ text: decoder.decode(), bytesRead: file.bytesRead, end: true });
} catch (error) {
  parentPort.postMessage({ error: gzip ? `The gzip file is damaged: ${error.message}` : error.message });
}
