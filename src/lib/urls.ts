// Every internal URL is built here, so that the base path (a site served from /news/) is applied in one place.

/** Joins the site's base path and a site-relative path: `withBase('/news/', 'articles/x/')` is `/news/articles/x/`. */
export function withBase(base: string, path: string): string {
  const trimmedBase = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  return `${trimmedBase}${path.replace(/^\/+/, '')}`;
}

/** The page of one article: `/articles/<id>/`. */
export function articlePath(base: string, id: string): string {
  return withBase(base, `articles/${id}/`);
}

/** The list of all sources: `/sources/`. */
export function sourcesIndexPath(base: string): string {
  return withBase(base, 'sources/');
}

/** The page of one source, or its numbered page `n` of articles: `/sources/<id>/`, `/sources/<id>/page/2/`. */
export function sourcePath(base: string, id: string, page?: number): string {
  return listingPath(withBase(base, `sources/${id}/`), page);
}

/** The list of all topics: `/tags/`. */
export function tagsIndexPath(base: string): string {
  return withBase(base, 'tags/');
}

/** The search page, with a query string when one is given: `/search/`, `/search/?q=nato`. */
export function searchPath(base: string, query = ''): string {
  const search = query.replace(/^\?/, '');
  return withBase(base, search ? `search/?${search}` : 'search/');
}

/** The page of one topic, or its page `n`: `/tags/<slug>/`, `/tags/<slug>/page/2/`. */
export function tagPath(base: string, slug: string, page?: number): string {
  return listingPath(withBase(base, `tags/${slug}/`), page);
}

/** The front page, or its page `n`: `/`, `/page/2/`. */
export function frontPagePath(base: string, page?: number): string {
  return listingPath(withBase(base, ''), page);
}

/** The archive by date, its years and months: `/archive/`. */
export function archivePath(base: string): string {
  return withBase(base, 'archive/');
}

/** One month of the archive (`YYYY-MM`), or its page `n`: `/archive/2024/04/`, `/archive/2024/04/page/2/`. */
export function archiveMonthPath(base: string, month: string, page?: number): string {
  const [, year, monthNumber] = /^(\d{4})-(\d{2})$/.exec(month) ?? [];
  if (!year || !monthNumber) throw new RangeError(`An archive month is written YYYY-MM, not "${month}".`);
  return listingPath(withBase(base, `archive/${year}/${monthNumber}/`), page);
}

/** One day of the archive (`YYYY-MM-DD`), or its page `n`: `/archive/2024/04/19/`, `/archive/2024/04/19/page/2/`. */
export function archiveDayPath(base: string, day: string, page?: number): string {
  const [, year, month, date] = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) ?? [];
  if (!year || !month || !date) throw new RangeError(`An archive day is written YYYY-MM-DD, not "${day}".`);
  return listingPath(withBase(base, `archive/${year}/${month}/${date}/`), page);
}

/** A story's page, every outlet's report of one event: `/stories/<id>/`. */
export function storyPath(base: string, id: string): string {
  return withBase(base, `stories/${id}/`);
}

/**
 * A listing's numbered page `n` under `firstPage` (which ends in `/`), or `firstPage` itself, the listing's head, when
 * no number is given. Pages are numbered from the oldest item (src/lib/pagination.ts), so page 1 has an address too.
 */
export function listingPath(firstPage: string, page?: number): string {
  return page === undefined ? firstPage : `${firstPage}page/${page}/`;
}

/** An absolute URL for a path that already carries the base: `absoluteUrl('https://example.org', '/news/x/')`. */
export function absoluteUrl(origin: string, path: string): string {
  return new URL(path, `${origin.replace(/\/+$/, '')}/`).href;
}

/** Whether a URL is root-relative (`/articles/x/`): a path from the domain root, not `//host` nor a relative path. */
export function isRootRelative(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\');
}

/**
 * Moves a root-relative URL written for a site at `/` under the base: with base `/news/`, `/articles/x/#a` becomes
 * `/news/articles/x/#a`. Other URLs (absolute, relative, `#x`) come back unchanged.
 */
export function rebaseRootRelative(base: string, url: string): string {
  return isRootRelative(url) ? withBase(base, url) : url;
}

/** The host of a URL without a leading `www.`, for "Read the original at athensnews.gr". */
export function displayHost(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}

/** Whose articles a feed carries: the whole site, one source, or one topic. */
export type FeedScope =
  | { readonly kind: 'site' }
  | { readonly kind: 'source'; readonly id: string }
  | { readonly kind: 'tag'; readonly slug: string };

/** The formats every feed comes in, by file name. */
export const FEED_FILES = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' } as const;

/** A feed format: RSS 2.0, Atom 1.0 or JSON Feed 1.1. */
export type FeedFormat = keyof typeof FEED_FILES;

/** A feed's address: `/rss.xml`, `/sources/<id>/atom.xml`, `/tags/<slug>/feed.json`. */
export function feedPath(base: string, scope: FeedScope, format: FeedFormat): string {
  const file = FEED_FILES[format];
  if (scope.kind === 'source') return withBase(base, `sources/${scope.id}/${file}`);
  if (scope.kind === 'tag') return withBase(base, `tags/${scope.slug}/${file}`);
  return withBase(base, file);
}

/** The page that lists every feed: `/feeds/`. */
export function feedsPagePath(base: string): string {
  return withBase(base, 'feeds/');
}

/** The OPML list of every source's feed: `/sources.opml`. */
export function sourcesOpmlPath(base: string): string {
  return withBase(base, 'sources.opml');
}

/** The sitemap index that @astrojs/sitemap writes: `/sitemap-index.xml`. */
export function sitemapIndexPath(base: string): string {
  return withBase(base, 'sitemap-index.xml');
}
