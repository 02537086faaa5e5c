// Astro writes its content store only when the text changed, and to know, it reads the whole old file back and
// compares: at 100,000 articles that is 107 MB read and decoded on every save, about 2 s of an edit or an added article.
// Texts of different lengths in bytes cannot be equal, so within `astro build` this part of the store piece compares
// the sizes first and writes at once when they differ; equal sizes are compared as Astro does. In a rebuild whose pages
// take the store from memory, the whole save goes to a worker thread instead (store-write-worker.ts;
// docs/fast-build.md#store).
import { rename, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fastBuildReport } from '@/integrations/fast-build/report';
import { everyCollectionShared } from '@/integrations/fast-build/shared-content-store';
import { StoreWriteWorker } from '@/integrations/fast-build/store-write-worker';

/** The parts of Astro's data-store-writer.js this relies on (astro/dist/content/data-store-writer.js). */
export interface StoreWriterModule {
  /** The module's own file URL, for a worker thread to load it (set by astroStoreWriterModule). */
  readonly url?: string;
  /** The class that writes the single-file store: `target` is the file, `write` saves the collections. */
  readonly FileWriter?: { prototype: object };
  /** The store's text, as Astro writes it. */
  readonly serializeDataStore?: (collections: unknown) => string;
  /** Writes `data` to `file` unless the file holds it already (by reading it); true when it wrote. */
  readonly writeFileAtomic?: (file: URL | string, data: string) => Promise<boolean>;
}

interface FileWriterLike {
  readonly target: URL | string;
  write(collections: unknown): Promise<boolean>;
}

// Marks a wrapped prototype, so that a second build in the same process does not wrap it twice.
const WRAPPED = Symbol.for('broadsheet.fast-build.store-write.wrapped');

/** The size in bytes of the file at `path`, or undefined when there is none. */
async function sizeOf(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch {
    return undefined;
  }
}

/**
 * Wraps `FileWriter.prototype.write`, once per process: the store is serialised as Astro does, and when a file is
 * there whose size differs from the text's, the text is written as Astro writes it (a temporary file beside it,
 * renamed over it) without reading the old file. Otherwise Astro's own comparing write runs. Returns false, changing
 * nothing, when the module lacks what this needs (an Astro upgrade renamed it; saves then work as Astro's do).
 */
export function compareStoreSizesFirst(module: StoreWriterModule): boolean {
  const { FileWriter, serializeDataStore, writeFileAtomic } = module;
  if (!FileWriter || typeof serializeDataStore !== 'function' || typeof writeFileAtomic !== 'function') return false;
  const prototype = FileWriter.prototype as Partial<FileWriterLike> & { [WRAPPED]?: true };
  if (prototype[WRAPPED]) return true;
  if (typeof prototype.write !== 'function') return false;
  prototype[WRAPPED] = true;
  prototype.write = async function write(this: FileWriterLike, collections: unknown): Promise<boolean> {
    const file = this.target;
    const path = file instanceof URL ? fileURLToPath(file) : file;
    // Only when the pages take the store from memory: otherwise they read this file, which must be written first.
    if (workerSaves.allowed && module.url && everyCollectionShared()) {
      workerSaves.worker ??= new StoreWriteWorker(module.url);
      if (workerSaves.worker.save(path, collections)) {
        const report = fastBuildReport();
        if (report) report.storeWritesInWorker += 1;
        return true;
      }
    }
    const text = serializeDataStore(collections);
    const size = await sizeOf(path);
    if (size === undefined || size === Buffer.byteLength(text)) return writeFileAtomic(file, text);
    // The same temporary name as Astro's, so a build killed here leaves what Astro's would.
    await writeFile(`${path}.tmp`, text);
    await rename(`${path}.tmp`, path);
    const report = fastBuildReport();
    if (report) report.storeWritesUncompared += 1;
    return true;
  };
  return true;
}

/** Astro's data-store-writer.js, from the installed package's own file (as store-save.ts loads the store class). */
export function astroStoreWriterModule(): StoreWriterModule {
  const require = createRequire(import.meta.url);
  const file = join(dirname(require.resolve('astro/package.json')), 'dist/content/data-store-writer.js');
  return { ...(require(file) as StoreWriterModule), url: pathToFileURL(file).href };
}

/** Whether saves may go to a worker thread in this build, and the worker once one has started. */
const workerSaves: { allowed: boolean; worker: StoreWriteWorker | undefined } = { allowed: false, worker: undefined };

/**
 * Lets the wrapped writer hand saves to a worker thread (store-write-worker.ts) for the rest of this build, when the
 * pages take the store from memory. For rebuilds: a cold build keeps its save in the main thread, whose memory then
 * holds no second copy of the store.
 */
export function saveStoresInWorker(allowed: boolean): void {
  workerSaves.allowed = allowed;
}

/**
 * Waits for the saves handed to the worker thread and stops it; counts them in the report. Throws when one failed:
 * the build fails, and the next one starts from the last build's store.
 */
export async function finishStoreWrites(): Promise<void> {
  const { worker } = workerSaves;
  workerSaves.allowed = false;
  workerSaves.worker = undefined;
  if (!worker) return;
  const { uncompared } = await worker.finish();
  const report = fastBuildReport();
  if (report) report.storeWritesUncompared += uncompared;
}
