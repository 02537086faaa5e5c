// Where the pages' story grouping keeps its last result (src/lib/stories/cache.ts). The pages are rendered in the
// process whose configuration named the cache folder, so the fast-build integration hands the file over on globalThis,
// as the article bodies' folder is. Not a piece of the layer: it relies on no Astro internal, only on the public
// `cacheDir`, and it cannot change what is built (tests/unit/stories-cache.test.ts).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceRevision } from '@/lib/build/source-revision';
import type { StoryCache } from '@/lib/stories/cache';

/** The cache file's name, in Astro's cache folder beside the content store. */
export const STORY_CACHE_FILE = 'broadsheet-stories.json';

/** Where the grouping code starts; every project file it imports, and the lock file, make its revision. */
export const STORY_CODE_ENTRY_POINT = 'src/lib/stories/index.ts';

const REGISTRY_KEY = Symbol.for('broadsheet.story-cache');

/** The story cache of a build whose project is at `root` and whose cache folder is `cacheDir`. */
export function storyCacheFor(config: { readonly root: URL; readonly cacheDir: URL }): StoryCache {
  return {
    file: join(fileURLToPath(config.cacheDir), STORY_CACHE_FILE),
    codeRevision: sourceRevision(fileURLToPath(config.root), [STORY_CODE_ENTRY_POINT]),
  };
}

/** Records the story cache for the pages rendered in this process (undefined: group without one). */
export function useStoryCache(cache: StoryCache | undefined): void {
  (globalThis as Record<symbol, unknown>)[REGISTRY_KEY] = cache;
}

/** The story cache recorded by `useStoryCache`, if this process is an `astro build`. */
export function storyCacheInUse(): StoryCache | undefined {
  return (globalThis as Record<symbol, unknown>)[REGISTRY_KEY] as StoryCache | undefined;
}
