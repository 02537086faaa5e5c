import type { InterfaceLanguage } from '@/lib/i18n';
import { fillTemplate, pluralText } from '@/lib/i18n/template';
import type { PluralForms } from '@/lib/i18n/types';
import type { CalendarDate } from '@/lib/search/search-bundles';
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
  /** After searchOlder: ` (before {date})`, the first day of the step searched. */
  readonly stepBefore: string;
  /** The link back to the newest step, shown while older articles are searched. */
  readonly newest: string;
  /** After the announcement, for the newest step while older ones remain: `Searched articles since {date}.` */
  readonly searchedSince: string;
  /** The same, for an older step with older ones still after it: `Searched articles from {first} to {last}.` */
  readonly searchedBetween: string;
  /** The same, for the oldest step: `Searched articles up to {date}.` */
  readonly searchedUntil: string;
  /** The same, for the step of undated articles: `Searched articles before {date}.`, the day asked for. */
  readonly searchedBefore: string;
  /** Instead of the announcement, when no step is older than the day asked for. */
  readonly nothingBefore: string;
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
    stepBefore: search.stepBefore,
    newest: search.newest,
    searchedSince: search.searchedSince,
    searchedBetween: search.searchedBetween,
    searchedUntil: search.searchedUntil,
    searchedBefore: search.searchedBefore,
    nothingBefore: search.nothingBefore,
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

/** A calendar day as a language writes it: `1 July 2026`. It is a day, not an instant, so it is formatted in UTC. */
export function formatCalendarDay({ year, month, day }: CalendarDate, locale: string): string {
  const instant = new Date(Date.UTC(2000, month - 1, day));
  // Date.UTC reads years 0 to 99 as 1900 to 1999.
  instant.setUTCFullYear(year);
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    instant,
  );
}

/** What one search read of the index: its step's span of days, the day asked for, and whether older steps remain. */
export interface SearchedSpan {
  /** The step's first day (its oldest dated bundle's); missing when none of its bundles is dated. */
  readonly first?: CalendarDate | undefined;
  /** The step's last day (its newest dated bundle's). */
  readonly last?: CalendarDate | undefined;
  /** The `before` day of the search; missing for the newest step. */
  readonly before?: CalendarDate | undefined;
  /** Whether steps older than this one remain. */
  readonly olderRemain: boolean;
}

/**
 * The sentence after the announcement that says which days a search read, or empty when it read the newest step and
 * nothing older remains (the whole index, as on a small site).
 */
export function searchedSpanSentence(span: SearchedSpan, text: SearchPageText): string {
  const day = (date: CalendarDate) => formatCalendarDay(date, text.locale);
  const { first, last, before, olderRemain } = span;
  if (!before) return olderRemain && first ? fillTemplate(text.searchedSince, { date: day(first) }) : '';
  if (olderRemain && first && last) return fillTemplate(text.searchedBetween, { first: day(first), last: day(last) });
  if (!olderRemain && last) return fillTemplate(text.searchedUntil, { date: day(last) });
  return fillTemplate(text.searchedBefore, { date: day(before) });
}
