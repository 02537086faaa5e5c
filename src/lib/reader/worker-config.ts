import type { WorkerConfig } from '@/lib/reader/service-worker';
import type { ReaderSettings } from '@/lib/reader/settings';
import { articlePath, frontPagePath, searchPath, withBase } from '@/lib/urls';

/** The offline page: `/offline/`, shown by the service worker for a page not saved on the device. */
export function offlinePagePath(base: string): string {
  return withBase(base, 'offline/');
}

/** The service worker's script: `/sw.js` (under the base path, so that its scope is the whole site and no more). */
export function serviceWorkerPath(base: string): string {
  return withBase(base, 'sw.js');
}

/** The key under which the page script tells the worker the reader's text size (in the `broadsheet-settings` cache). */
export function textSizeKey(base: string): string {
  return withBase(base, '__broadsheet/text-size');
}

/** How many hashed build files (scripts, optimised images) the worker keeps per kept page. */
const ASSETS_PER_PAGE = 4;

/** The service worker's configuration for one build: what it saves, how much it keeps, what it leaves alone. */
export function workerConfig(options: {
  readonly base: string;
  readonly build: string;
  readonly siteTitle: string;
  readonly settings: ReaderSettings;
  /** Published article ids, newest first. */
  readonly articleIds: readonly string[];
}): WorkerConfig {
  const base = withBase(options.base, '');
  return {
    build: options.build,
    base,
    offlinePage: offlinePagePath(base),
    shell: [frontPagePath(base), withBase(base, 'favicon.svg')],
    articles: options.articleIds
      .slice(0, Math.max(0, options.settings.offlineArticles))
      .map((id) => articlePath(base, id)),
    keptPages: Math.max(1, options.settings.keptPages),
    keptAssets: Math.max(16, options.settings.keptPages * ASSETS_PER_PAGE),
    notKept: [searchPath(base)],
    passThrough: [withBase(base, 'pagefind/')],
    siteTitle: options.siteTitle,
    textSizeKey: textSizeKey(base),
  };
}
