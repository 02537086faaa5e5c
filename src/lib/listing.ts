import { pageCacheKey } from '@/lib/cache-key';
import { paginateFromOldest, type StablePage } from '@/lib/pagination';
import { listingPath } from '@/lib/urls';

// Paginated listings (front page, each source, each topic, each archive month and day) share one shape: the head,
// the newest items, at the listing's own URL, and numbered pages counted from the oldest item under `page/N/`, which
// keep their items as new ones arrive (src/lib/pagination.ts). These helpers build their getStaticPaths entries and
// link data, so pages stay thin.

/** A getStaticPaths entry for one numbered page of a listing (the head has a route of its own). */
export interface NumberedPagePath<T> {
  /** The route params: the page number as text. */
  params: { page: string };
  /** The route props: the page itself. */
  props: { page: StablePage<T> };
  /** Its key for incremental builds: changes with anything the page shows. */
  cacheKey: string;
}

/** A getStaticPaths entry for one page of a listing that belongs to a group (a source, a topic). */
export interface GroupPagePath<G, T, Params> {
  /** The route params: the group's key, and for a numbered page `page/N`. */
  params: Params;
  /** The route props: the group and the page. */
  props: { group: G; page: StablePage<T> };
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

/** The head of a listing: its newest items, at the listing's own address; an empty listing still has one. */
export function headPage<T>(items: readonly T[], pageSize: number): StablePage<T> {
  const [head] = paginateFromOldest(items, pageSize);
  // paginateFromOldest always returns the head; this only satisfies the type checker.
  if (!head) throw new Error('paginateFromOldest returned no head.');
  return head;
}

/** The route param of a page: nothing for the head, `page/N` for a numbered page. */
export function pageParam(page: StablePage<unknown>): string | undefined {
  return page.number === undefined ? undefined : `page/${page.number}`;
}

/** getStaticPaths entries for the numbered pages of one listing (its head has a route of its own). */
export function numberedPagePaths<T>(items: readonly T[], pageSize: number): NumberedPagePath<T>[] {
  return paginateFromOldest(items, pageSize).flatMap((page) =>
    page.number === undefined
      ? []
      : [{ params: { page: String(page.number) }, props: { page }, cacheKey: pageCacheKey({ page }) }],
  );
}

/**
 * getStaticPaths entries for every page of every group's listing, for a `[...page]` route: the head at the group's
 * own URL (`page` undefined, so empty groups still get their page), numbered pages at `page/N`.
 */
export function groupListingPaths<G, T, K extends string>(
  groups: readonly G[],
  options: GroupListingOptions<G, T, K>,
): GroupPagePath<G, T, Record<K, string> & { page: string | undefined }>[] {
  return groups.flatMap((group) =>
    paginateFromOldest(options.items(group), options.pageSize).map((page) => ({
      params: { [options.param]: options.key(group), page: pageParam(page) } as Record<K, string> & {
        page: string | undefined;
      },
      props: { group, page },
      cacheKey: pageCacheKey({ group: options.shown(group), page }),
    })),
  );
}

/** What a listing's pagination shows: which numbered page this is, and the addresses of its newer and older pages. */
export interface PageLinks {
  /** This page's number, counted from the oldest page; undefined on the head. */
  readonly current: number | undefined;
  /** The address of the page with newer items, when there is one. */
  readonly newer: string | undefined;
  /** The address of the page with older items, when there is one. */
  readonly older: string | undefined;
}

/** The pagination links of `page`, for a listing whose head is at `headHref` (ending in `/`). */
export function pageLinks(page: StablePage<unknown>, headHref: string): PageLinks {
  return {
    current: page.number,
    newer: page.newer === undefined ? undefined : listingPath(headHref, page.newer === 'head' ? undefined : page.newer),
    older: page.older === undefined ? undefined : listingPath(headHref, page.older),
  };
}
