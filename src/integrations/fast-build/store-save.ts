// Astro saves its content store 500 ms after the last change, and the content sync changes it at once: it records the
// Astro version and config digests before any loader runs. So every rebuild serialised the whole store while the
// articles were still loading (the same text as the file, so not written, but serialised and compared all the same),
// and an edit serialised it again 500 ms after the edited article was set (docs/fast-build.md#store has the cost).
// Within `astro build` this part of the store piece holds every save until the sync asks for its last one
// (`waitUntilSaveComplete`), so the store is serialised once per sync, with everything the loaders set.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { fastBuildReport } from '@/integrations/fast-build/report';
import { isRebuild } from '@/integrations/fast-build/store-location';
import {
  astroStoreWriterModule,
  compareStoreSizesFirst,
  finishStoreWrites,
  saveStoresInWorker,
} from '@/integrations/fast-build/store-write';

/** The two methods of Astro's MutableDataStore this relies on (astro/dist/content/mutable-data-store.js). */
export interface SavingStore {
  /** Serialises the store and writes it when it changed; the debounced save calls it. */
  writeToDisk(): Promise<void>;
  /** Ends the sync: saves now what is pending and waits until every save has finished. */
  waitUntilSaveComplete(): Promise<void>;
}

interface Holder {
  /** Whether saves are held: from the start of an `astro build` until its sync's last save. */
  holding: boolean;
  /** Stores whose saves were held, with their class's own `writeToDisk`, saved when the sync ends. */
  readonly held: Map<SavingStore, SavingStore['writeToDisk']>;
}

// On globalThis, as the integration's copy of this module may not be the only one in the process.
const HOLDER_KEY = Symbol.for('broadsheet.fast-build.store-save');

function holder(): Holder {
  const registry = globalThis as Record<symbol, Holder | undefined>;
  registry[HOLDER_KEY] ??= { holding: false, held: new Map() };
  return registry[HOLDER_KEY];
}

// Marks a wrapped prototype, so that a second build in the same process does not wrap it twice.
const WRAPPED = Symbol.for('broadsheet.fast-build.store-save.wrapped');

/**
 * Wraps a store class's `writeToDisk` and `waitUntilSaveComplete`, once per process: while saves are held a save is
 * only noted, and `waitUntilSaveComplete` first saves each noted store (it still knows it has changes, since its own
 * save never ran), then does what Astro's method does. Returns false, changing nothing, when the class lacks either
 * method (an Astro upgrade renamed them; the build then saves as Astro does).
 */
export function holdSavesOf(storeClass: { prototype: object }): boolean {
  const prototype = storeClass.prototype as Partial<SavingStore> & { [WRAPPED]?: true };
  if (prototype[WRAPPED]) return true;
  const write = prototype.writeToDisk;
  const wait = prototype.waitUntilSaveComplete;
  if (typeof write !== 'function' || typeof wait !== 'function') return false;
  prototype[WRAPPED] = true;
  prototype.writeToDisk = async function writeToDisk(this: SavingStore) {
    if (!holder().holding) return write.call(this);
    holder().held.set(this, write);
    const report = fastBuildReport();
    if (report) report.storeSavesHeld += 1;
  };
  prototype.waitUntilSaveComplete = async function waitUntilSaveComplete(this: SavingStore) {
    await releaseHeldSaves();
    return wait.call(this);
  };
  return true;
}

/** Starts holding saves (see holdSavesOf), for the content sync about to run. */
export function holdStoreSaves(): void {
  const state = holder();
  state.holding = true;
  state.held.clear();
}

/** Stops holding saves and saves each store whose save was held, with Astro's own `writeToDisk`. */
export async function releaseHeldSaves(): Promise<void> {
  const state = holder();
  state.holding = false;
  const stores = [...state.held];
  state.held.clear();
  for (const [store, write] of stores) await write.call(store);
}

/**
 * Astro's MutableDataStore class, from the installed package's own file (it is not among the package's exports). It is
 * required, not imported: this module runs in the Vite module runner that loaded astro.config.mjs, which is closed by
 * the time the hooks run, while `require` loads the file through Node, as Astro itself was loaded.
 */
export function astroMutableDataStore(): { prototype: object } | undefined {
  const require = createRequire(import.meta.url);
  const astroRoot = dirname(require.resolve('astro/package.json'));
  const module = require(join(astroRoot, 'dist/content/mutable-data-store.js')) as {
    MutableDataStore?: { prototype: object };
  };
  return module.MutableDataStore;
}

/**
 * The store piece's save holding, and its writes that compare sizes first or go to a worker thread (store-write.ts), in
 * `astro build` only: the dev server saves as Astro does, since a sync it runs when a file changes need not end with a
 * closing save. When the class cannot be wrapped the build saves as Astro does, and the report says so.
 */
export function holdSavesDuringSync(): AstroIntegration {
  return {
    name: 'broadsheet:fast-build:store-save',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build') return;
        const report = fastBuildReport();
        const sizesCompared = compareStoreSizesFirst(astroStoreWriterModule());
        if (report) report.storeSizesCompared = sizesCompared;
        // A rebuild (the last build left a store) saves in a worker thread; a cold build, at its memory peak, does not.
        saveStoresInWorker(sizesCompared && isRebuild(config));
        const storeClass = astroMutableDataStore();
        if (storeClass === undefined || !holdSavesOf(storeClass)) return;
        if (report) report.storeSavesHoldable = true;
        holdStoreSaves();
      },
      // The sync has ended by now: should it have ended without its closing save, nothing stays held.
      'astro:build:start': () => releaseHeldSaves(),
      // The pages are written: a save handed to the worker thread has had all of page generation to finish.
      'astro:build:done': () => finishStoreWrites(),
    },
  };
}
