// The names an article page gives Pagefind and the search page asks it for. Both sides import them from here, so a
// renamed filter cannot leave the search page asking for one the index does not have. This module imports nothing:
// the search page's script includes it, and must not pull in the date formatting the article pages use.

/** The Pagefind filters every article carries: its source id and its topic slugs. */
export const SEARCH_FILTERS = { source: 'source', tag: 'tag' } as const;

/** The Pagefind metadata a result shows: headline, source name, date as read, and date as `<time datetime>`. */
export const SEARCH_META = { title: 'title', source: 'source', date: 'date', datetime: 'datetime' } as const;

/** The Pagefind sort key: the instant an article was published, as UTC ISO text, so text order is time order. */
export const SEARCH_SORT_DATE = 'date';
