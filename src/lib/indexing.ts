import type { IndexingPolicy } from '@/lib/schemas';

/** What an article page tells search engines about itself. */
export interface IndexingHints {
  /** The robots meta value, when the page should stay out of search results. */
  readonly robots: 'noindex' | undefined;
  /** The canonical address, when the original should rank instead of our copy. */
  readonly canonical: string | undefined;
}

/**
 * How an article page should present itself to search engines under its source's policy. `canonical` needs the
 * original's address; without one the copy stays out of search results rather than pointing nowhere.
 */
export function indexingHints(article: {
  readonly source: { readonly indexing: IndexingPolicy };
  readonly sourceUrl: string | undefined;
}): IndexingHints {
  const policy = article.source.indexing;
  if (policy === 'index') return { robots: undefined, canonical: undefined };
  if (policy === 'canonical' && article.sourceUrl) return { robots: undefined, canonical: article.sourceUrl };
  return { robots: 'noindex', canonical: undefined };
}
