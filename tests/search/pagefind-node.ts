import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PagefindResultData } from '@/lib/search/search-results';
import { serveStatic } from '../../tools/static-server';

// Loads the Pagefind bundle a build wrote (`<outDir>/pagefind/pagefind.js`) into Node and searches with it, as the
// search page does in a browser. The bundle fetches its index over HTTP, so the built site is served on a loopback
// port for it.

/** One search result with its data loaded. */
export type LoadedResult = PagefindResultData & {
  /** The filters of the page. */
  readonly filters: Readonly<Record<string, readonly string[]>>;
};

/** A Pagefind bundle loaded in Node. */
export interface NodePagefind {
  /** Searches as `pagefind.search(term, options)` and loads every result's data. */
  search(term: string | null, options?: Record<string, unknown>): Promise<LoadedResult[]>;
  /** Every filter value with its page count. */
  filters(): Promise<Record<string, Record<string, number>>>;
  /** Stops the server. */
  close(): Promise<void>;
}

interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  search(
    term: string | null,
    options?: Record<string, unknown>,
  ): Promise<{ results: { data(): Promise<LoadedResult> }[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/** Loads the Pagefind bundle of a built site into Node, served under the base path it was built for. */
export async function loadPagefind(outDir: string, base = '/'): Promise<NodePagefind> {
  const server = await serveStatic(outDir, { base });
  const { origin } = server;
  const pagefind = (await import(pathToFileURL(join(outDir, 'pagefind/pagefind.js')).href)) as PagefindModule;
  // In a browser Pagefind finds its folder from its own URL; here it is told, and results come out under the base.
  await pagefind.options({ basePath: `${origin}${base}pagefind/` });
  return {
    async search(term, options = {}) {
      const { results } = await pagefind.search(term, options);
      const loaded = await Promise.all(results.map((result) => result.data()));
      // Pagefind gives absolute URLs under a basePath with an origin; the site's own paths are what a page links to.
      return loaded.map((data) => ({ ...data, url: data.url.replace(origin, '') }));
    },
    filters: () => pagefind.filters(),
    close: () => server.close(),
  };
}
