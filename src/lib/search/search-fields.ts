import type { Article } from '@/lib/content';
import { type DateContext, datetimeAttribute, formatArticleDate, toInstant } from '@/lib/dates';
import { SEARCH_FILTERS, SEARCH_META, SEARCH_SORT_DATE } from '@/lib/search/search-keys';

/** One `name: value` pair for a `data-pagefind-*` attribute. */
export interface SearchField {
  /** The filter, meta or sort key. */
  readonly name: string;
  /** Its value for this article. */
  readonly value: string;
}

/** What an article page tells Pagefind beyond its indexed text. */
export interface SearchFields {
  /** Shown with each result. */
  readonly meta: readonly SearchField[];
  /** What results can be narrowed by; a key may repeat (one entry per topic). */
  readonly filters: readonly SearchField[];
  /** What results can be ordered by. */
  readonly sort: readonly SearchField[];
}

/** The Pagefind meta, filters and sort keys of one article. */
export function searchFields(
  article: Pick<Article, 'title' | 'date' | 'source' | 'tags'>,
  context: DateContext,
): SearchFields {
  return {
    meta: [
      { name: SEARCH_META.title, value: article.title },
      { name: SEARCH_META.source, value: article.source.name },
      { name: SEARCH_META.date, value: formatArticleDate(article.date, context) },
      { name: SEARCH_META.datetime, value: datetimeAttribute(article.date) },
    ],
    filters: [
      { name: SEARCH_FILTERS.source, value: article.source.id },
      ...article.tags.map((tag) => ({ name: SEARCH_FILTERS.tag, value: tag.slug })),
    ],
    sort: [{ name: SEARCH_SORT_DATE, value: toInstant(article.date, context.timeZone).toISOString() }],
  };
}
