import type { ContentDate } from '@/lib/content-date';
import { dayKey } from '@/lib/dates';

/** The least an article needs for ordering and grouping. */
export interface Dated {
  /** The article id (its path under `content/articles/`), the final tie-break. */
  readonly id: string;
  /** When the source published it. */
  readonly date: ContentDate;
}

/** Whether an article belongs in the built site: drafts only show when `includeDrafts` is set (in `astro dev`). */
export function isPublished(
  article: { readonly draft: boolean },
  options: { readonly includeDrafts: boolean },
): boolean {
  return options.includeDrafts || !article.draft;
}

/**
 * Sorts newest first: by the day in the site's zone, then by time within the day (an article with a time before one
 * with a date only, which has none to compare), then by id. Returns a new array; the comparator returns 0 only for
 * the same id, so the order never depends on the input order.
 */
export function sortNewestFirst<T extends Dated>(articles: readonly T[], timeZone: string): T[] {
  const keyed = articles.map((article) => ({
    article,
    day: dayKey(article.date, timeZone),
    time: article.date.dateOnly ? Number.NEGATIVE_INFINITY : Date.parse(article.date.iso),
  }));
  keyed.sort((a, b) => {
    if (a.day !== b.day) return a.day < b.day ? 1 : -1;
    if (a.time !== b.time) return a.time < b.time ? 1 : -1;
    return a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0;
  });
  return keyed.map(({ article }) => article);
}

/** A run of articles published on one calendar day. */
export interface DayGroup<T> {
  /** The day, `YYYY-MM-DD`, in the site's zone. */
  readonly day: string;
  /** The day's articles, in the order given. */
  readonly articles: readonly T[];
}

/** Groups an already sorted list under day headings in the site's zone, keeping the order. */
export function groupByDay<T extends Dated>(articles: readonly T[], timeZone: string): DayGroup<T>[] {
  const groups: { day: string; articles: T[] }[] = [];
  for (const article of articles) {
    const day = dayKey(article.date, timeZone);
    const last = groups.at(-1);
    if (last && last.day === day) last.articles.push(article);
    else groups.push({ day, articles: [article] });
  }
  return groups;
}

/** The neighbours of an article in a sorted list. */
export interface Neighbours<T> {
  /** The next newer article, if any. */
  readonly newer: T | undefined;
  /** The next older article, if any. */
  readonly older: T | undefined;
}

/** Maps each article id to its newer and older neighbours in one pass over a sorted list. */
export function neighboursById<T extends Dated>(sorted: readonly T[]): Map<string, Neighbours<T>> {
  return new Map(sorted.map((article, index) => [article.id, { newer: sorted[index - 1], older: sorted[index + 1] }]));
}
