import { pageCacheKey } from '@/lib/cache-key';
import { type Page, paginate } from '@/lib/pagination';
import { listingPath } from '@/lib/urls';

// Paginated listings (front page, each source, each topic) share one shape: page 1 at the listing's own URL and
// pages 2..M under `page/N/`. These helpers build their getStaticPaths entries and link data, so pages stay thin.

/** A getStaticPaths entry for page 2 or later of one listing. */
export interface LaterPagePath<T> {
  /** The route params: the page number as text. */
  params: { page: string };
  /** The route props: the page itself. */
  props: { page: Page<T> };
  /** Its key for incremental builds: changes with anything the page shows. */
  cacheKey: string;
}

/** A getStaticPaths entry for one page of a listing that belongs to a group (a source, a topic). */
export interface GroupPagePath<G, T, Params> {
  /** The route params: the group's key, and for page 2 or later `page/N`. */
  params: Params;
  /** The route props: the group and the page. */
  props: { group: G; page: Page<T> };
  /** Its key for incremental builds: changes with anything the page shows. */
  cacheKey: string;
}

/** How to turn groups (sources, topics) into listings. */
export interface GroupListingOptions<G, T, K extends string> {
  /** The name of the route param that holds the group's key, such as `id` or `slug`. */
  readonly param: K;
  /** The group's key in its URL. */
  readonly key: (group: G) => string;
  /** The group's items, already in listing order. */
  readonly items: (group: G) => readonly T[];
  /** How many items a page holds. */
  readonly pageSize: number;
  /**
   * What a page shows of its group, for the page's cache key. A topic's page shows its name, not all its articles:
   * keying on those would re-render every page of a topic when any article in it changes.
   */
  readonly shown: (group: G) => unknown;
}

/** The first page of a listing; an empty listing still has one, empty, page. */
export function firstPage<T>(items: readonly T[], pageSize: number): Page<T> {
  const [first] = paginate(items, pageSize);
  // paginate always returns at least one page; this only satisfies the type checker.
  if (!first) throw new Error('paginate returned no pages.');
  return first;
}

/** getStaticPaths entries for pages 2..M of one listing (page 1 has a route of its own). */
export function laterPagePaths<T>(items: readonly T[], pageSize: number): LaterPagePath<T>[] {
  return paginate(items, pageSize)
    .slice(1)
    .map((page) => ({ params: { page: String(page.number) }, props: { page }, cacheKey: pageCacheKey({ page }) }));
}

/**
 * getStaticPaths entries for every page of every group's listing, for a `[...page]` route: page 1 at the group's own
 * URL (`page` undefined, so empty groups still get their page), pages 2..M at `page/N`.
 */
export function groupListingPaths<G, T, K extends string>(
  groups: readonly G[],
  options: GroupListingOptions<G, T, K>,
): GroupPagePath<G, T, Record<K, string> & { page: string | undefined }>[] {
  return groups.flatMap((group) =>
    paginate(options.items(group), options.pageSize).map((page) => ({
      params: {
        [options.param]: options.key(group),
        page: page.number === 1 ? undefined : `page/${page.number}`,
      } as Record<K, string> & { page: string | undefined },
      props: { group, page },
      cacheKey: pageCacheKey({ group: options.shown(group), page }),
    })),
  );
}

/** What a listing's pagination shows: where it is, and the addresses of its newer and older pages. */
export interface PageLinks {
  /** This page's number, from 1. */
  readonly current: number;
  /** How many pages the listing has. */
  readonly total: number;
  /** The address of the page with newer items, when there is one. */
  readonly newer: string | undefined;
  /** The address of the page with older items, when there is one. */
  readonly older: string | undefined;
}

/** The pagination links of `page`, for a listing whose first page is at `firstPageHref` (ending in `/`). */
export function pageLinks(page: Page<unknown>, firstPageHref: string): PageLinks {
  return {
    current: page.number,
    total: page.total,
    newer: page.newer === undefined ? undefined : listingPath(firstPageHref, page.newer),
    older: page.older === undefined ? undefined : listingPath(firstPageHref, page.older),
  };
}

/** A listing's page title: `Athens News` on page 1, `Athens News, page 2 of 3` after it. */
export function listingTitle(title: string, page: Pick<Page<unknown>, 'number' | 'total'>): string {
  return page.number <= 1 ? title : `${title}, page ${page.number} of ${page.total}`;
}
