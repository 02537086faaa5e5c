import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { type BundleWriteResult, writeBundle } from '@/lib/search/write-bundle';

/** The built pages that are searched: article pages only, never listings, the search page or the 404 page. */
export const ARTICLE_PAGES_GLOB = 'articles/**/*.html';

/** The folder, inside the built site, that holds the index and Pagefind's own scripts. */
export const SEARCH_BUNDLE_FOLDER = 'pagefind';

/** What indexing did. */
export interface IndexSiteResult {
  /** How many pages went into the index. */
  readonly pageCount: number;
  /** Where the index was written. */
  readonly outputPath: string;
  /** How many of the bundle's files were written, left as they were and removed. */
  readonly files: BundleWriteResult;
}

/** Options for indexing. */
export interface IndexSiteOptions {
  /** The ISO 639-1 code every page is indexed as (see below). */
  readonly language: string;
  /** Which files under the site folder to index; article pages unless told otherwise. */
  readonly glob?: string | undefined;
}

/**
 * Indexes the article pages of a built site with Pagefind and writes the index into `<siteDir>/pagefind/`.
 * Throws with Pagefind's own messages if anything fails, so a broken index fails the build.
 */
export async function indexSite(siteDir: string, options: IndexSiteOptions): Promise<IndexSiteResult> {
  // One language for the whole index: Pagefind splits an index by each page's `lang`, and the search page only
  // searches the index of its own language, so an article written in Greek would otherwise never be found.
  const { index, errors } = await pagefind.createIndex({ forceLanguage: options.language });
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir, glob: options.glob ?? ARTICLE_PAGES_GLOB });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${siteDir}: ${added.errors.join('; ')}`);
    const outputPath = join(siteDir, SEARCH_BUNDLE_FOLDER);
    // The files are taken from Pagefind and only the changed ones written (write-bundle.ts); the last build's index,
    // if the output folder kept it, is updated in place, its files no longer in the bundle removed.
    const bundle = await index.getFiles();
    if (bundle.errors.length > 0)
      throw new Error(`Pagefind could not build the index of ${siteDir}: ${bundle.errors.join('; ')}`);
    const files = writeBundle(outputPath, bundle.files);
    return { pageCount: added.page_count, outputPath, files };
  } finally {
    // Pagefind runs as a child process; left open, it would keep the build's Node process alive.
    await pagefind.close();
  }
}

/** The language code the index uses for a BCP 47 locale: `en` for `en-GB`, and `en` when there is none. */
export function indexLanguage(locale: string): string {
  return locale.split('-')[0]?.toLowerCase() || 'en';
}

/**
 * Indexes a built site (see indexSite) and reports it in one line through `log`, with the time it took. `npm run
 * bench` reads that time from the line, so keep its wording.
 */
export async function indexSiteAndReport(
  siteDir: string,
  language: string,
  log: (line: string) => void,
): Promise<IndexSiteResult> {
  const started = performance.now();
  const result = await indexSite(siteDir, { language });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const pages = `${result.pageCount} article ${result.pageCount === 1 ? 'page' : 'pages'}`;
  const { written, removed } = result.files;
  log(
    `Indexed ${pages} for search in ${seconds} s into ${result.outputPath} (${written} files written, ${removed} removed)`,
  );
  return result;
}
