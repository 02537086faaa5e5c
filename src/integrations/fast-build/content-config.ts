// What src/content.config.ts takes from the fast-build layer: the articles loader's extension, and each collection's
// loader wrapped so that its entries are shared with the pages (`store`) and garbage is collected around loading
// (`gc`). With those pieces off, the collections are returned as they are (docs/fast-build.md).
import { collectGarbage } from '@/integrations/fast-build/collect-garbage';
import { fastBuildReport } from '@/integrations/fast-build/report';
import { type EntrySource, expectCollection, shareCollection } from '@/integrations/fast-build/shared-content-store';
import type { FastBuildPieces } from '@/integrations/fast-build/switch';

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
 * The collections with every loader wrapped for the pieces that are on:
 * - `store`: when a loader has finished, its entries are shared with the pages of the same build. Every collection's
 *   name is recorded too: the store module uses the shared entries only when every collection has shared its own.
 * - `gc`: in `astro build`, garbage is collected before the first loader starts (a rebuild has just read and parsed
 *   the last store file) and after the last one ends (before Astro serialises the whole store).
 *
 * @throws when a collection has no loader object (a function loader cannot be wrapped): give it one.
 */
export function fastBuildCollections<T extends Record<string, object>>(collections: T, pieces: FastBuildPieces): T {
  const share = pieces.has('store');
  const collect = pieces.has('gc');
  if (!share && !collect) return collections;
  let running = 0;
  const wrapped = Object.entries(collections).map(([name, collection]) => {
    const { loader } = collection as CollectionWithLoader;
    if (!isLoaderObject(loader)) {
      throw new Error(
        `src/content.config.ts: collection "${name}" needs a loader object with a load() method (such as glob()), not a function, so that the fast-build layer can wrap it.`,
      );
    }
    if (share) expectCollection(name);
    // The original stays the prototype, so its name, schema and any other member read through unchanged.
    const around = Object.create(loader) as LoaderObject;
    around.load = async (context) => {
      // Only in `astro build`, which opens the layer's report; the dev server reloads content too often for this.
      const phase = collect && fastBuildReport() !== undefined;
      if (phase && running++ === 0) collectGarbage();
      try {
        await loader.load(context);
        if (share) shareCollection(context.collection, context.store);
      } finally {
        if (phase && --running === 0) collectGarbage();
      }
    };
    return [name, { ...collection, loader: around }];
  });
  return Object.fromEntries(wrapped) as T;
}
