// In `astro build` the content layer loads every entry into memory and writes the store file; Astro's store module
// then makes the pages read that file back and parse it into a second copy, the build's memory peak on a large
// archive. The content layer and the page rendering run in one process, so the loaders hand the collections they
// loaded to the pages through this process-wide registry, and the store module (store-module-code.ts) gives the pages
// those same entries (docs/fast-build.md#store).
//
// The registry lives on globalThis because the loaders and the store module are loaded by different module graphs
// (the content config through a Vite server, the pages from the built bundle) and so never share a module instance.

/** The registry's key on globalThis (`Symbol.for`), also written into the generated store module. */
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
}

type Registry = Record<symbol, SharedContentStore | undefined>;

function registry(): Registry {
  return globalThis as unknown as Registry;
}

/** The open registry, or undefined outside a static `astro build` with the store piece on. */
export function sharedContentStore(): SharedContentStore | undefined {
  return registry()[Symbol.for(SHARED_STORE_KEY)];
}

/** Opens an empty registry for a new build (dropping any earlier build's), so that loaders start sharing. */
export function openSharedContentStore(build: string): void {
  registry()[Symbol.for(SHARED_STORE_KEY)] = { build, expected: new Set(), loaded: new Map() };
}

/** Closes the registry, so the entries it holds can be freed once the pages are written. */
export function closeSharedContentStore(): void {
  registry()[Symbol.for(SHARED_STORE_KEY)] = undefined;
}

/**
 * Records that the content config defines collection `name`. The store module uses the shared entries only when every
 * expected collection has shared its own, and otherwise reads the store file, so a collection never comes out empty.
 */
export function expectCollection(name: string): void {
  sharedContentStore()?.expected.add(name);
}

/** Shares the entries of collection `name` once its loader has finished, when a registry is open. */
export function shareCollection(name: string, store: EntrySource): void {
  sharedContentStore()?.loaded.set(name, store);
}

/**
 * Whether every collection the content config defines has shared its entries, so that the store module will give the
 * pages those and never read the store file (store-module-code.ts makes the same check).
 */
export function everyCollectionShared(): boolean {
  const shared = sharedContentStore();
  return (
    shared !== undefined && shared.expected.size > 0 && [...shared.expected].every((name) => shared.loaded.has(name))
  );
}
