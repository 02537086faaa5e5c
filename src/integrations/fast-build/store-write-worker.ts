// Serialising the content store is a few seconds of the main thread on a large archive (devalue, over two million
// values at 100,000 articles), and in a rebuild nothing reads the file again before the next build: the pages take the
// entries from memory (store-module.ts). So a rebuild hands the store to a worker thread, which serialises and writes it
// with Astro's own functions while the main thread goes on with the build; the build waits for it before it ends
// (docs/fast-build.md#store). The copy the worker gets (a structured clone) costs the main thread about a quarter of
// the serialising.
import { Worker } from 'node:worker_threads';

/** What the worker reports for one save. */
interface SaveReply {
  readonly id: number;
  readonly error?: string;
  /** Whether it wrote without reading the old file back (sizes differed). */
  readonly uncompared?: boolean;
}

// The worker's code, run by Node as it is (not through Vite): it loads Astro's data-store-writer.js itself, so the text
// is serializeDataStore's and an unchanged store is left alone by writeFileAtomic, as in the main thread
// (store-write.ts). Saves run one after another, in the order they were asked for.
const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const { rename, stat, writeFile } = require('node:fs/promises');
const writer = import(workerData.writerModule);
let queue = Promise.resolve();
async function save({ id, path, collections }) {
  try {
    const { serializeDataStore, writeFileAtomic } = await writer;
    const text = serializeDataStore(collections);
    const size = await stat(path).then((found) => found.size, () => undefined);
    if (size === undefined || size === Buffer.byteLength(text)) {
      await writeFileAtomic(path, text);
      parentPort.postMessage({ id, uncompared: false });
    } else {
      await writeFile(path + '.tmp', text);
      await rename(path + '.tmp', path);
      parentPort.postMessage({ id, uncompared: true });
    }
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.stack || error) });
  }
}
parentPort.on('message', (message) => { queue = queue.then(() => save(message)); });
`;

/** A worker thread that saves content stores with Astro's writer module at `writerModule` (a file URL). */
export class StoreWriteWorker {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { done: (reply: SaveReply) => void }>();
  readonly #saves: Promise<SaveReply>[] = [];
  #next = 0;

  constructor(writerModule: string) {
    this.#worker = new Worker(WORKER_CODE, { eval: true, workerData: { writerModule } });
    // A build that fails does not wait for its save (the last build's store stays, as after a killed build).
    this.#worker.unref();
    this.#worker.on('message', (reply: SaveReply) => {
      this.#pending.get(reply.id)?.done(reply);
      this.#pending.delete(reply.id);
    });
    // A worker that dies fails every save still pending, so that waiting for them never hangs.
    const failPending = (error: string) => {
      for (const [id, { done }] of this.#pending) done({ id, error });
      this.#pending.clear();
    };
    this.#worker.on('error', (error) => failPending(String(error.stack ?? error)));
    this.#worker.on('exit', (code) => failPending(`the worker thread exited (code ${code}) before saving`));
  }

  /**
   * Hands the collections to the worker to be saved to `path`; false, having handed nothing, when they cannot be
   * copied to another thread (a value structured cloning does not take, such as a URL), so the caller saves them.
   */
  save(path: string, collections: unknown): boolean {
    const id = this.#next++;
    const reply = new Promise<SaveReply>((done) => this.#pending.set(id, { done }));
    try {
      this.#worker.postMessage({ id, path, collections });
    } catch {
      this.#pending.delete(id);
      return false;
    }
    this.#saves.push(reply);
    return true;
  }

  /**
   * Waits for every save handed over, stops the worker, and returns how many were written without reading the old
   * file back. Throws, naming the file, when a save failed.
   */
  async finish(): Promise<{ uncompared: number }> {
    const replies = await Promise.all(this.#saves);
    await this.#worker.terminate();
    const failed = replies.find((reply) => reply.error !== undefined);
    if (failed) throw new Error(`The content store could not be saved in a worker thread: ${failed.error}`);
    return { uncompared: replies.filter((reply) => reply.uncompared).length };
  }
}
