import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { indexSite } from '../lib/search/index-site.js';

/** Options of the search integration. */
export interface PagefindIntegrationOptions {
  /** The BCP 47 locale of the site; its language (`en` of `en-GB`) is the one the index uses for every page. */
  readonly locale: string;
}

/** Builds the Pagefind search index into the output folder after every `astro build`. */
export function pagefindSearch(options: PagefindIntegrationOptions): AstroIntegration {
  return {
    name: 'broadsheet:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const language = options.locale.split('-')[0]?.toLowerCase() || 'en';
        const { pageCount, outputPath } = await indexSite(fileURLToPath(dir), { language });
        logger.info(`Indexed ${pageCount} article ${pageCount === 1 ? 'page' : 'pages'} for search into ${outputPath}`);
      },
    },
  };
}
