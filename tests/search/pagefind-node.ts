import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  BUNDLE_FILTER,
  BUNDLES_FILE,
  bundleFolder,
  bundleSearches,
  parseSearchBundles,
} from '@/lib/search/search-bundles';
import type { PagefindResultData } from '@/lib/search/search-results';
import { serveStatic } from '../../tools/static-server';

// Loads the Pagefind index a build wrote (`<outDir>/pagefind/`: pagefind.js and a bundle per language and year) into
// Node and searches it as the search page does in a browser: the newest bundle of a language with the older ones
// merged in, and the searches of bundleSearches. The bundles are fetched over HTTP, so the built site is served on a
// loopback port for them.

/** One search result with its data loaded. */
export type LoadedResult = PagefindResultData & {
  /** The filters of the page. */
  readonly filters: Readonly<Record<string, readonly string[]>>;
};

/** A Pagefind bundle loaded in Node. */
export interface NodePagefind {
  /** Searches as `pagefind.search(term, options)` and loads every result's data. */
  search(term: string | null, options?: Record<string, unknown>): Promise<LoadedResult[]>;
  /** Every filter value with its page count (the bundles' own filter left out). */
  filters(): Promise<Record<string, Record<string, number>>>;
  /** The bundles searched, newest first. */
  readonly bundles: readonly string[];
  /** Stops the server. */
  close(): Promise<void>;
}

interface PagefindInstance {
  mergeIndex(basePath: string, options: Record<string, unknown>): Promise<void>;
  search(
    term: string | null,
    options?: Record<string, unknown>,
  ): Promise<{ results: { data(): Promise<LoadedResult> }[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

interface PagefindModule {
  createInstance(options: Record<string, unknown>): PagefindInstance;
}

/**
 * Loads the search index of a built site into Node, served under the base path it was built for, for one index
 * language (the site's, `en`, unless told).
 */
export async function loadPagefind(outDir: string, base = '/', language = 'en'): Promise<NodePagefind> {
  const server = await serveStatic(outDir, { base });
  const { origin } = server;
  const { languages } = parseSearchBundles(JSON.parse(readFileSync(join(outDir, 'pagefind', BUNDLES_FILE), 'utf8')));
  const bundles = languages[language] ?? [];
  const [newest, ...older] = bundles;
  if (newest === undefined)
    throw new Error(`${outDir} has no search bundle for ${language}: ${JSON.stringify(languages)}`);
  // A module of its own per language: Pagefind keeps one WebAssembly module, with one language's stemmer, per copy.
  const script = `${pathToFileURL(join(outDir, 'pagefind/pagefind.js')).href}?language=${language}`;
  const module = (await import(script)) as PagefindModule;
  // In a browser Pagefind finds its folder from its own URL; here it is told, and results come out under the base.
  const folder = (bundle: string) => `${origin}${base}pagefind/${bundleFolder(language, bundle)}`;
  const tag = (bundle: string) => ({ mergeFilter: { [BUNDLE_FILTER]: bundle } });
  const pagefind = module.createInstance({ basePath: folder(newest), ...tag(newest) });
  for (const bundle of older) await pagefind.mergeIndex(folder(bundle), { language, ...tag(bundle) });
  return {
    bundles,
    async search(term, options = {}) {
      const search = { term, options: { filters: {}, ...options } } as Parameters<typeof bundleSearches>[1];
      const found = await Promise.all(
        bundleSearches(bundles, search).map((part) => pagefind.search(part.term, part.options)),
      );
      const loaded = await Promise.all(found.flatMap(({ results }) => results).map((result) => result.data()));
      // Pagefind gives absolute URLs under a basePath with an origin; the site's own paths are what a page links to.
      return loaded.map((data) => ({ ...data, url: data.url.replace(origin, '') }));
    },
    async filters() {
      const { [BUNDLE_FILTER]: _bundles, ...filters } = await pagefind.filters();
      return filters;
    },
    close: () => server.close(),
  };
}
