import type { SourceSummary, Topic } from '@/lib/content';

/** One choice in a filter list: the value Pagefind filters by, and what the reader sees. */
export interface FacetOption {
  /** A source id or topic slug. */
  readonly value: string;
  /** The source's name or the topic's label. */
  readonly label: string;
}

/** The choices of the search page's filters. */
export interface SearchFacets {
  /** Sources that have at least one article, by name. */
  readonly sources: readonly FacetOption[];
  /** Every topic, by label. */
  readonly tags: readonly FacetOption[];
}

/** The search filters' choices from the site's sources and topics (both already in display order). */
export function searchFacets(sources: readonly SourceSummary[], topics: readonly Topic[]): SearchFacets {
  return {
    sources: sources.filter(({ count }) => count > 0).map(({ source }) => ({ value: source.id, label: source.name })),
    tags: topics.map((topic) => ({ value: topic.slug, label: topic.label })),
  };
}
