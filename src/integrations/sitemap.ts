import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { builtPageFile, pageIndexing, readHead } from '../lib/sitemap.js';

/**
 * @astrojs/sitemap, keeping only the pages that ask to be indexed (no `noindex`, no canonical address elsewhere),
 * with each article's `lastmod`. Drafts are never built, so they never reach it.
 */
export function broadsheetSitemap(): AstroIntegration {
  let outDir = '';
  let siteBaseUrl = '';
  return {
    name: 'broadsheet:sitemap',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          integrations: [
            sitemap({
              serialize: (item) => {
                const file = builtPageFile(outDir, item.url, siteBaseUrl);
                if (!file || !existsSync(file)) return undefined;
                const { indexable, lastmod } = pageIndexing(readHead(file), item.url);
                if (!indexable) return undefined;
                return lastmod ? { ...item, lastmod } : item;
              },
            }),
          ],
        });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        siteBaseUrl = new URL(config.base, config.site).href;
      },
    },
  };
}
