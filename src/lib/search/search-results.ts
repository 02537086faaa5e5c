import type { InterfaceLanguage } from '@/lib/i18n';
import { fillTemplate, pluralText } from '@/lib/i18n/template';
import type { PluralForms } from '@/lib/i18n/types';
import { SEARCH_META } from '@/lib/search/search-keys';

// Turns what Pagefind returns into what a result shows. Pagefind's excerpt is text with `<` and `>` escaped and the
// matched words wrapped in `<mark>`; it is split into plain-text pieces here, so the page never parses it as HTML.

/** The part of a Pagefind result's `data()` that the search page reads. */
export interface PagefindResultData {
  /** The page's URL, already under the base path. */
  readonly url: string;
  /** Text around the matched words, which are wrapped in `<mark>`. */
  readonly excerpt: string;
  /** The metadata the article page declared. */
  readonly meta: Readonly<Record<string, string | undefined>>;
}

/** A piece of an excerpt: plain text, marked when it is a matched word. */
export interface ExcerptPiece {
  /** The text, with no markup in it. */
  readonly text: string;
  /** Whether it is a matched word. */
  readonly marked: boolean;
}

/** One result as the page shows it. */
export interface SearchResultView {
  /** The article's page. */
  readonly url: string;
  /** Its headline. */
  readonly title: string;
  /** The name of its source. */
  readonly source: string;
  /** Its date as read, such as "19 April 2024". */
  readonly date: string;
  /** Its date for `<time datetime>`. */
  readonly datetime: string;
  /** Text around the matched words. */
  readonly excerpt: readonly ExcerptPiece[];
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
  '&amp;': '&',
};

function decodeEntities(text: string): string {
  return text.replace(/&(?:lt|gt|quot|amp|#39|#x27);/g, (entity) => ENTITIES[entity] ?? entity);
}

/** Splits a Pagefind excerpt into plain-text pieces, marking the matched words; any other tag is kept as text. */
export function excerptPieces(excerpt: string): ExcerptPiece[] {
  const pieces: ExcerptPiece[] = [];
  let marked = false;
  for (const part of excerpt.split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part !== '') pieces.push({ text: decodeEntities(part), marked });
  }
  return pieces;
}

/** The view of one Pagefind result; a result without a headline shows its URL instead. */
export function toResultView(data: PagefindResultData): SearchResultView {
  return {
    url: data.url,
    title: data.meta[SEARCH_META.title] ?? data.url,
    source: data.meta[SEARCH_META.source] ?? '',
    date: data.meta[SEARCH_META.date] ?? '',
    datetime: data.meta[SEARCH_META.datetime] ?? '',
    excerpt: excerptPieces(data.excerpt),
  };
}

/**
 * The words the search page's script writes, in the site's interface language. The page hands them to the script as
 * JSON (`data-search-text`), so the script's bundle holds no language of its own.
 */
export interface SearchPageText {
  /** The locale numbers are written in. */
  readonly locale: string;
  /** Shown while a search runs. */
  readonly searching: string;
  /** Shown when the index cannot be loaded. */
  readonly unavailable: string;
  /** After "show more": `Showing {shown} of {total}.` */
  readonly showing: string;
  /** The start of the announcement when nothing matched. */
  readonly noMatches: string;
  /** The start of the announcement: how many matched, per plural category. */
  readonly matches: PluralForms;
  /** The whole announcement: `{found}{query}{filters}.` */
  readonly announcement: string;
  /** The query part: ` “{query}”`. */
  readonly announcementQuery: string;
  /** The filters part: ` ({filters})`. */
  readonly announcementFilters: string;
  /** Between two filters. */
  readonly filterSeparator: string;
  /** One filter: `{name}: {value}`. */
  readonly filter: string;
  /** A source filter's name. */
  readonly filterSource: string;
  /** A topic filter's name. */
  readonly filterTopic: string;
  /** The button that searches the next, older step of the index (docs/search-and-feeds.md#query-size). */
  readonly searchOlder: string;
  /** The same, for a search read oldest first: the next step is newer. */
  readonly searchNewer: string;
  /** After searchOlder: ` (before {date})`, the first day searched so far. */
  readonly stepBefore: string;
  /** After searchNewer: ` (after {date})`, the last day searched so far. */
  readonly stepAfter: string;
  /** After the announcement while older steps remain: `Searched articles since {date}.` */
  readonly searchedSince: string;
  /** The same, read oldest first: `Searched articles up to {date}.` */
  readonly searchedUntil: string;
}

/** The search script's words from an interface language. */
export function searchPageText(language: Pick<InterfaceLanguage, 'locale' | 'text'>): SearchPageText {
  const { search } = language.text;
  return {
    locale: language.locale,
    searching: search.searching,
    unavailable: search.unavailable,
    showing: search.showing,
    noMatches: search.noMatches,
    matches: search.matches,
    announcement: search.announcement,
    announcementQuery: search.announcementQuery,
    announcementFilters: search.announcementFilters,
    filterSeparator: search.filterSeparator,
    filter: search.filter,
    filterSource: search.filterSource,
    filterTopic: search.filterTopic,
    searchOlder: search.searchOlder,
    searchNewer: search.searchNewer,
    stepBefore: search.stepBefore,
    stepAfter: search.stepAfter,
    searchedSince: search.searchedSince,
    searchedUntil: search.searchedUntil,
  };
}

/** The sentence announced after a search: "3 articles match “nato” (source: Athens News)." */
export function resultsAnnouncement(
  count: number,
  query: string,
  narrowedBy: readonly string[],
  text: SearchPageText,
): string {
  return fillTemplate(text.announcement, {
    found: count === 0 ? text.noMatches : pluralText(text.matches, count, text.locale),
    query: query ? fillTemplate(text.announcementQuery, { query }) : '',
    filters:
      narrowedBy.length > 0
        ? fillTemplate(text.announcementFilters, { filters: narrowedBy.join(text.filterSeparator) })
        : '',
  });
}
