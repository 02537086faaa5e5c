// In `astro build` the content layer loads every entry into memory, writes the store to data-store.json, and then the
// pages read that file back and parse it into a second copy. At 20,000 articles that second copy was the build's peak
// memory: the heap went from 1.5 GB after the content sync to 3.07 GB while the pages loaded the store. The content
// layer and the page rendering run in one process, so the loaders hand the collections they loaded to the pages
// through this process-wide registry, and Astro's store module (lib/build/content-store-module.ts) gives the pages
// those same entries. Nothing is copied.
//
// The registry lives on globalThis because the loaders and the store module are loaded by different module graphs
// (the content config through a Vite server, the pages from the built bundle) and so never share a module instance.

import { collectGarbage } from '@/lib/build/collect-garbage';

/** The registry's key on globalThis, also written into the generated store module. */
export const SHARED_STORE_KEY = 'broadsheet.shared-content-store';

/** The part of a loader's store that the pages need: its entries, as the content layer holds them. */
export interface EntrySource {
  /** Every entry of the collection as `[id, entry]` pairs (the content layer's own entry objects). */
  entries(): [string, unknown][];
}

/** What one build shares: which collections the content config defines and the ones whose loaders have finished. */
export interface SharedContentStore {
  /** The build this belongs to; the store module only uses a registry made for its own build. */
  readonly build: string;
  /** The names of every collection in the content config. */
  readonly expected: Set<string>;
  /** The collections whose loaders have finished, by name. */
  readonly loaded: Map<string, EntrySource>;
  /** How many loaders are running now. */
  running: number;
}

type Registry = Record<symbol, SharedContentStore | undefined>;

function registry(): Registry {
  return globalThis as unknown as Registry;
}

/** The open registry, or undefined outside a static `astro build` (dev server, `astro sync`, `astro check`, tests). */
export function sharedContentStore(): SharedContentStore | undefined {
  return registry()[Symbol.for(SHARED_STORE_KEY)];
}

/** Opens an empty registry for a new build (dropping any earlier build's), so that loaders start sharing. */
export function openSharedContentStore(build: string): void {
  registry()[Symbol.for(SHARED_STORE_KEY)] = { build, expected: new Set(), loaded: new Map(), running: 0 };
}

/** Closes the registry, so the entries it holds can be freed once the pages are written. */
export function closeSharedContentStore(): void {
  registry()[Symbol.for(SHARED_STORE_KEY)] = undefined;
}

/** A collection definition as `defineCollection` returns it; only the loader matters here. */
interface CollectionWithLoader {
  readonly loader?: unknown;
}

/** A loader object as the content layer calls it. */
interface LoaderObject {
  name: string;
  load(context: { collection: string; store: EntrySource }): Promise<void>;
}

function isLoaderObject(loader: unknown): loader is LoaderObject {
  return typeof loader === 'object' && loader !== null && typeof (loader as LoaderObject).load === 'function';
}

/**
 * Wraps every collection's loader so that, when it has finished, its entries are shared with the pages of the same
 * build. It also records every collection's name: the store module uses the shared entries only when every
 * collection has shared its own, and otherwise reads the store file, so a collection can never come out empty.
 *
 * @throws when a collection has no loader object (a function loader cannot be wrapped): give it one.
 */
export function shareLoadedCollections<T extends Record<string, object>>(collections: T): T {
  const shared = Object.fromEntries(
    Object.entries(collections).map(([name, collection]) => {
      const { loader } = collection as CollectionWithLoader;
      if (!isLoaderObject(loader)) {
        throw new Error(
          `src/content.config.ts: collection "${name}" needs a loader object with a load() method (such as glob()), not a function, so that its entries can be shared with the build.`,
        );
      }
      sharedContentStore()?.expected.add(name);
      // The original stays the prototype, so its name, schema and any other member read through unchanged.
      const sharing = Object.create(loader) as LoaderObject;
      sharing.load = async (context) => {
        const shared = sharedContentStore();
        // Loading is a build phase of its own (lib/build/collect-garbage.ts): before it, a rebuild has read and parsed
        // the last store file; after it, Astro serialises the whole store.
        if (shared && shared.running++ === 0) collectGarbage();
        try {
          await loader.load(context);
          shared?.loaded.set(context.collection, context.store);
        } finally {
          if (shared && --shared.running === 0) collectGarbage();
        }
      };
      return [name, { ...collection, loader: sharing }];
    }),
  );
  return shared as T;
}
