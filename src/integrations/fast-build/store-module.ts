// The `store` piece: in `astro build` of a static site, Astro's content-store module is given as a few lines that hand
// the pages the entries the loaders left in memory (store-module-code.ts, shared-content-store.ts) instead of the
// whole store as one string literal. It relies on Astro internals listed in docs/fast-build.md#store: the module's
// resolved id, a `pre` load hook running before Astro's own, the marker that keeps content data out of each page's
// code hash, and the store file's place.
import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { fastBuildReport } from '@/integrations/fast-build/report';
import { closeSharedContentStore, openSharedContentStore } from '@/integrations/fast-build/shared-content-store';
import { dataStoreFile } from '@/integrations/fast-build/store-location';
import { contentStoreModule } from '@/integrations/fast-build/store-module-code';

/** Astro's virtual module that holds the content store (its resolved id, as Astro 7.3.5 names it). */
export const DATA_STORE_MODULE_ID = '\0astro:data-layer-content';

/**
 * The module metadata by which Astro's incremental build leaves content data out of each page's code hash, as it does
 * for its own store module; without it every change of content would render every page again.
 */
export const CONTENT_DATA_META = { astroIncremental: { kind: 'content-data' } } as const;

/**
 * The `store` piece's hooks. `astro dev`, and any build this cannot serve (a server adapter, chunked collection
 * storage, no store file), keep Astro's own module; the build's report then says so.
 */
export function contentStoreFromMemory(): AstroIntegration {
  let isBuild = false;
  let storeFile: string | undefined;
  // Names this build's shared entries, so a module made for one build never takes another build's.
  const build = randomUUID();
  return {
    name: 'broadsheet:fast-build:store',
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
                name: 'broadsheet:fast-build:store-module',
                load: {
                  // Before Astro's own load hook, which would otherwise read and re-encode the whole store.
                  order: 'pre',
                  filter: { id: /^\0astro:data-layer-content$/ },
                  handler(id) {
                    if (id !== DATA_STORE_MODULE_ID || !storeFile || !existsSync(storeFile)) return undefined;
                    const { size, mtimeMs } = statSync(storeFile);
                    const report = fastBuildReport();
                    if (report) report.storeModuleReplaced = true;
                    return {
                      code: contentStoreModule({ path: storeFile, size, mtimeMs }, build),
                      meta: CONTENT_DATA_META,
                    };
                  },
                },
              },
            ],
          },
        });
      },
      'astro:config:done': ({ config }) => {
        // Only a static site with Astro's default single-file storage has one store file this module can read.
        const storage = config.experimental.collectionStorage;
        const singleFile = storage === undefined || storage === 'single-file';
        const served = isBuild && config.output === 'static' && config.adapter === undefined && singleFile;
        storeFile = served ? dataStoreFile(config, false) : undefined;
        if (isBuild && !served) closeSharedContentStore();
      },
      'astro:build:generated': () => {
        const error = fastBuildReport()?.storeError;
        if (error) throw new Error(`The fast-build store module could not give the pages the content store: ${error}`);
      },
      // The pages hold what they need by now; the registry must not keep a finished build's entries alive.
      'astro:build:done': () => {
        if (isBuild) closeSharedContentStore();
      },
    },
  };
}
