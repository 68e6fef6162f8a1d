import { Worker } from 'node:worker_threads';
import type { TextEncodingName } from './text-encoding.ts';

/**
 * A file's text, a chunk at a time, read, unpacked (gzip) and decoded on another thread. On
 * this one, unpacking went a chunk at a time, each waiting for this thread to be free to ask
 * for the next; on its own thread it runs ahead while this one parses and writes.
 */
export interface TextChunks {
  chunks: AsyncIterable<string>;
  /** Bytes of the file read for the chunks taken so far (compressed bytes for gzip). */
  bytesRead(): number;
}

interface Message {
  text?: string;
  bytesRead?: number;
  end?: boolean;
  error?: string;
}

/** At most this many chunks (256 KiB of text, or of file when it is not gzip) wait to be taken. */
const WINDOW = 16;

export function readTextChunks(path: string, encoding: TextEncodingName, gzip: boolean, failure: (message: string) => Error): TextChunks {
  let bytesRead = 0;
  async function* chunks(): AsyncIterable<string> {
    // No loader flags: the worker is plain JavaScript and starts faster without them.
    const worker = new Worker(new URL('./text-chunks.worker.js', import.meta.url), { workerData: { path, encoding, gzip, window: WINDOW }, execArgv: [] });
    const arrived: Message[] = [];
    let notify: (() => void) | null = null;
    const wake = () => {
      notify?.();
      notify = null;
    };
    worker.on('message', (m: Message) => {
      arrived.push(m);
      wake();
    });
    worker.on('error', (error) => {
      arrived.push({ error: error.message });
      wake();
    });
    worker.on('exit', (code) => {
      // After its last message this changes nothing; before it, the reader would wait forever.
      arrived.push({ error: `The file reader thread stopped (exit code ${code})` });
      wake();
    });
    try {
      for (;;) {
        while (arrived.length === 0) await new Promise<void>((resolve) => (notify = resolve));
        const m = arrived.shift()!;
        if (m.error !== undefined) throw failure(m.error);
        bytesRead = m.bytesRead!;
        if (!m.end) worker.postMessage(1); // taken: the worker may read one more
        if (m.text) yield m.text;
        if (m.end) return;
      }
    } finally {
      await worker.terminate();
    }
  }
  return { chunks: chunks(), bytesRead: () => bytesRead };
}
