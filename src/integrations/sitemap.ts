import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import {
  builtPageFile,
  type RememberedPage,
  readPageIndexingMemory,
  rememberedPageIndexing,
  writePageIndexingMemory,
} from '@/lib/sitemap';

/** Where the answers read from the pages' heads are kept between builds, in Astro's cache folder. */
const MEMORY_FILE = 'broadsheet-sitemap.json';

/**
 * @astrojs/sitemap sorts every page URL with `localeCompare(other, 'en', { numeric: true })`, which sets up a new
 * collator for each comparison: at 28,000 pages that sort was most of the sitemap's time. Given the pages already in
 * that order (sorted here once, with one collator of the same locale and options, which compares the same by
 * definition), its sort only confirms it, one comparison a page. Its own sort still decides the order.
 */
function withPagesInSitemapOrder(integration: AstroIntegration): AstroIntegration {
  const done = integration.hooks['astro:build:done'];
  if (!done) return integration;
  const collator = new Intl.Collator('en', { numeric: true });
  return {
    ...integration,
    hooks: {
      ...integration.hooks,
      'astro:build:done': (params) =>
        done({ ...params, pages: [...params.pages].sort((a, b) => collator.compare(a.pathname, b.pathname)) }),
    },
  };
}

/**
 * @astrojs/sitemap, keeping only the pages that ask to be indexed (no `noindex`, no canonical address elsewhere),
 * with each article's `lastmod`. Drafts are never built, so they never reach it.
 */
export function broadsheetSitemap(): AstroIntegration {
  let outDir = '';
  let siteBaseUrl = '';
  let memoryFile = '';
  let remembered: Readonly<Record<string, RememberedPage>> = {};
  let seen: Record<string, RememberedPage> = {};
  return {
    name: 'broadsheet:sitemap',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          integrations: [
            withPagesInSitemapOrder(
              sitemap({
                serialize: (item) => {
                  const file = builtPageFile(outDir, item.url, siteBaseUrl);
                  const indexing = file ? rememberedPageIndexing(file, item.url, remembered, seen) : undefined;
                  if (!indexing?.indexable) return undefined;
                  return indexing.lastmod ? { ...item, lastmod: indexing.lastmod } : item;
                },
              }),
            ),
            // Added after the sitemap, so its build:done hook runs once every page has been read.
            {
              name: 'broadsheet:sitemap-memory',
              hooks: {
                'astro:build:done': () => {
                  writePageIndexingMemory(memoryFile, seen);
                  seen = {};
                },
              },
            },
          ],
        });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        siteBaseUrl = new URL(config.base, config.site).href;
        memoryFile = join(fileURLToPath(config.cacheDir), MEMORY_FILE);
      },
      'astro:build:start': () => {
        remembered = readPageIndexingMemory(memoryFile);
        seen = {};
      },
    },
  };
}
