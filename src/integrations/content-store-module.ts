import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentStoreModule } from '@/lib/build/content-store-module';
import { closeSharedContentStore, openSharedContentStore } from '@/lib/build/shared-content-store';

/** Astro's virtual module that holds the content store (resolved id). */
const DATA_STORE_MODULE_ID = '\0astro:data-layer-content';

/**
 * In `astro build` of a static site, gives Astro's content-store module as a few lines that hand the pages the
 * entries the loaders left in memory, or read the store file when pages are rendered, instead of the whole store as
 * one string literal (see lib/build/content-store-module.ts and lib/build/shared-content-store.ts). The module keeps
 * Astro's marker for content data, so incremental builds leave it out of each page's code hash, as they do Astro's
 * own module. `astro dev` and any build this cannot serve (no store file, a server adapter) keep Astro's.
 */
export function contentStoreFromFile(): AstroIntegration {
  let isBuild = false;
  let storeFile: string | undefined;
  // Names this build's shared entries, so a module made for one build never takes another build's.
  const build = randomUUID();
  return {
    name: 'broadsheet:content-store-module',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        isBuild = command === 'build';
        if (!isBuild) return;
        // Open before the content sync, which runs after this hook, so the loaders share what they load.
        openSharedContentStore(build);
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'broadsheet:content-store-from-file',
                load: {
                  // Before Astro's own load hook, which would otherwise read and re-encode the whole store.
                  order: 'pre',
                  filter: { id: /^\0astro:data-layer-content$/ },
                  handler(id) {
                    if (id !== DATA_STORE_MODULE_ID || !storeFile || !existsSync(storeFile)) return undefined;
                    const { size, mtimeMs } = statSync(storeFile);
                    return {
                      code: contentStoreModule({ path: storeFile, size, mtimeMs }, build),
                      meta: { astroIncremental: { kind: 'content-data' } },
                    };
                  },
                },
              },
            ],
          },
        });
      },
      'astro:config:done': ({ config }) => {
        // Astro keeps the build's store as data-store.json in the cache folder (a single file: the default storage).
        const staticSite = config.output === 'static' && config.adapter === undefined;
        storeFile = isBuild && staticSite ? fileURLToPath(new URL('data-store.json', config.cacheDir)) : undefined;
        if (isBuild && !staticSite) closeSharedContentStore();
      },
      // The pages hold what they need by now; the registry must not keep a finished build's entries alive.
      'astro:build:done': () => {
        if (isBuild) closeSharedContentStore();
      },
    },
  };
}
