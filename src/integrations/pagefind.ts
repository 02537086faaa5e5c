import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { OUTPUT_STATE_FILE } from '@/integrations/fast-build/output-state';
import { indexSiteAndReport, SEARCH_MEMORY_FILE } from '@/lib/search/index-site';
import { siteConfig } from '@/site.config';

/** Options of the search integration. */
export interface PagefindIntegrationOptions {
  /** The BCP 47 locale of the site: the language of every article page that does not say its own. */
  readonly locale: string;
  /** The site's IANA time zone, in which the index counts years (one bundle per year); the site config's by default. */
  readonly timeZone?: string | undefined;
}

/**
 * The environment variable through which the site's build script (tools/build.ts, which `npm run build` runs) takes
 * the indexing over: it names a file where this integration writes a SearchHandoff instead of indexing.
 */
export const SEARCH_HANDOFF_ENV = 'BROADSHEET_SEARCH_HANDOFF';

/** What the build script needs to index the site once `astro build` has exited. */
export interface SearchHandoff {
  /** The built site's folder, absolute. */
  readonly dir: string;
  /** The site's BCP 47 locale (see IndexSiteOptions.language). */
  readonly language: string;
  /** The site's time zone (see IndexSiteOptions.timeZone). */
  readonly timeZone?: string | undefined;
  /** Where indexing remembers what it indexed, in Astro's cache folder, so a rebuild re-indexes only what changed. */
  readonly memoryFile?: string | undefined;
  /**
   * Where the fast-build layer's `output` piece records the pages this build left, with their stamps, once every
   * integration is done (so after this handoff): the script takes the article pages from it when it is this build's.
   */
  readonly pagesFile?: string | undefined;
}

/**
 * Gets the built site its Pagefind search index.
 *
 * Under `npm run build` the index is built by the script (tools/build.ts), in a process of its own, and this
 * integration only tells it where the site is. Pagefind needs a lot of memory for a large index, and once indexed the
 * whole site during page generation, both at once passed the memory target (docs/performance.md#how-it-stays-fast):
 * so the script starts only when every page is written and recorded, while Astro writes the sitemap and exits. A
 * bare `astro build` still gets its index, here, at the end.
 */
export function pagefindSearch(options: PagefindIntegrationOptions): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'broadsheet:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const handoff: SearchHandoff = {
          dir: fileURLToPath(dir),
          language: options.locale,
          timeZone: options.timeZone ?? siteConfig.timeZone,
          memoryFile: join(cacheDir, SEARCH_MEMORY_FILE),
          pagesFile: join(cacheDir, OUTPUT_STATE_FILE),
        };
        const handoffFile = process.env[SEARCH_HANDOFF_ENV];
        if (handoffFile) {
          writeFileSync(handoffFile, JSON.stringify(handoff));
          logger.info('The search index is built next, once this build has recorded its pages.');
          return;
        }
        const { language, timeZone, memoryFile } = handoff;
        await indexSiteAndReport(handoff.dir, { language, timeZone, memoryFile }, (line) => logger.info(line));
      },
    },
  };
}
