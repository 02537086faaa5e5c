import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { indexSite } from '../lib/search/index-site.js';

/** Options of the search integration. */
export interface PagefindIntegrationOptions {
  /** The BCP 47 locale of the site; its language (`en` of `en-GB`) is the one the index uses for every page. */
  readonly locale: string;
}

/**
 * Builds the Pagefind search index into the output folder after every `astro build`.
 *
 * Pagefind indexes in a process of its own. It starts as soon as the pages are written (`astro:build:generated`),
 * and runs while Astro finishes the build and the integrations after this one (the sitemap, which reads every page's
 * head) do their work on the other core: at 5,000 articles about 8 s of each build no longer add up. The index is
 * awaited by a second integration, which this one adds in `astro:config:setup` so that it comes after every
 * integration listed or added before it (list this one after the sitemap).
 */
export function pagefindSearch(options: PagefindIntegrationOptions): AstroIntegration {
  let indexing: Promise<void> | undefined;
  const finish: AstroIntegration = {
    name: 'broadsheet:pagefind-done',
    hooks: {
      'astro:build:done': async () => {
        await indexing;
      },
    },
  };
  const index = async (dir: URL, logger: AstroIntegrationLogger) => {
    const language = options.locale.split('-')[0]?.toLowerCase() || 'en';
    const started = performance.now();
    const { pageCount, outputPath } = await indexSite(fileURLToPath(dir), { language });
    // `npm run bench` reads the time from this line.
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    logger.info(`Indexed ${pageCount} article ${pageCount === 1 ? 'page' : 'pages'} for search in ${seconds} s into ${outputPath}`);
  };
  // Starts indexing once, not awaited: `finish` awaits it, and a failure fails the build there. Until then the
  // rejection is handled, so Node does not report it as unhandled while the build goes on.
  const start = (dir: URL, logger: AstroIntegrationLogger) => {
    if (indexing) return;
    indexing = index(dir, logger);
    indexing.catch(() => undefined);
  };
  return {
    name: 'broadsheet:pagefind',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ integrations: [finish] });
      },
      'astro:build:generated': ({ dir, logger }) => start(dir, logger),
      // A build that skipped the generated hook still gets its index.
      'astro:build:done': ({ dir, logger }) => start(dir, logger),
    },
  };
}
