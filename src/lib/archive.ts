import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Dated } from '@/lib/articles';
import { pageCacheKey } from '@/lib/cache-key';
import { dateFnsLocale, dayKey } from '@/lib/dates';
import { pageParam } from '@/lib/listing';
import { paginateFromOldest, type StablePage } from '@/lib/pagination';

// The archive by date: every article under the calendar day it was published on in the site's zone (a date-only value
// keeps its own day), and those days under their months and years. Only days and months with articles exist, each
// with its neighbours (the next newer and older day or month that has articles). Pure: articles and zone in, data out.

/** One day of the archive. */
export interface ArchiveDay<T> {
  /** The day, `YYYY-MM-DD`, in the site's zone. */
  readonly day: string;
  /** Its articles, in the order given. */
  readonly articles: readonly T[];
}

/** One month of the archive. */
export interface ArchiveMonth<T> {
  /** The month, `YYYY-MM`, in the site's zone. */
  readonly month: string;
  /** Its articles: its days' articles, newest day first, each day's in the order given. */
  readonly articles: readonly T[];
  /** Its days that have articles, newest first. */
  readonly days: readonly ArchiveDay<T>[];
}

/** The whole archive: months and days that have articles, newest first. */
export interface Archive<T> {
  /** Every month with articles, newest first. */
  readonly months: readonly ArchiveMonth<T>[];
  /** Every day with articles, newest first. */
  readonly days: readonly ArchiveDay<T>[];
}

/** A month, or a day, with how many articles it has. */
export interface PeriodCount {
  /** The month (`YYYY-MM`) or day (`YYYY-MM-DD`). */
  readonly key: string;
  /** How many articles it has. */
  readonly count: number;
}

/** A year of the archive, as its index shows it. */
export interface ArchiveYear {
  /** The year, `YYYY`. */
  readonly year: string;
  /** How many articles it has. */
  readonly count: number;
  /** Its months that have articles, newest first, with their counts. */
  readonly months: readonly PeriodCount[];
}

/** The next newer and next older month or day that has articles. */
export interface PeriodNeighbours {
  /** The next newer one, if any. */
  readonly newer: string | undefined;
  /** The next older one, if any. */
  readonly older: string | undefined;
}

/** Newest first for `YYYY`, `YYYY-MM` and `YYYY-MM-DD` keys, whose text order is their calendar order. */
function newestFirst(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}

/**
 * Files articles under their days and months in `timeZone`. Days and months come out newest first whatever the input
 * order; within a day the articles keep the order given (pass them newest first, as `SiteContent` has them).
 */
export function buildArchive<T extends Dated>(articles: readonly T[], timeZone: string): Archive<T> {
  const byDay = new Map<string, T[]>();
  for (const article of articles) {
    const day = dayKey(article.date, timeZone);
    const list = byDay.get(day);
    if (list) list.push(article);
    else byDay.set(day, [article]);
  }
  const days: ArchiveDay<T>[] = [...byDay.keys()]
    .sort(newestFirst)
    .map((day) => ({ day, articles: byDay.get(day) ?? [] }));

  const daysByMonth = new Map<string, ArchiveDay<T>[]>();
  for (const day of days) {
    const month = monthOfDay(day.day);
    const list = daysByMonth.get(month);
    if (list) list.push(day);
    else daysByMonth.set(month, [day]);
  }
  const months: ArchiveMonth<T>[] = [...daysByMonth.entries()].map(([month, monthDays]) => ({
    month,
    articles: monthDays.flatMap((day) => day.articles),
    days: monthDays,
  }));
  return { months, days };
}

/** The month (`YYYY-MM`) a day (`YYYY-MM-DD`) belongs to. */
export function monthOfDay(day: string): string {
  return day.slice(0, 7);
}

/** The archive's years, newest first, each with its months and their article counts, for the archive's index. */
export function archiveYears(archive: Archive<unknown>): ArchiveYear[] {
  const years: { year: string; count: number; months: PeriodCount[] }[] = [];
  for (const { month, articles } of archive.months) {
    const year = month.slice(0, 4);
    let last = years.at(-1);
    if (last?.year !== year) {
      last = { year, count: 0, months: [] };
      years.push(last);
    }
    last.count += articles.length;
    last.months.push({ key: month, count: articles.length });
  }
  return years;
}

/** The neighbours of each key in a list that is newest first, by key. */
export function periodNeighbours(newestFirstKeys: readonly string[]): Map<string, PeriodNeighbours> {
  return new Map(
    newestFirstKeys.map((key, index) => [
      key,
      { newer: newestFirstKeys[index - 1], older: newestFirstKeys[index + 1] },
    ]),
  );
}

/** What a month's page shows besides its articles: which month, its days with counts, and the months either side. */
export interface MonthPageProps<T> {
  /** The month, `YYYY-MM`. */
  readonly month: string;
  /** Its days with articles, newest first, with their counts; on the month's head only, empty on numbered pages. */
  readonly days: readonly PeriodCount[];
  /** The next newer and older months with articles. */
  readonly neighbours: PeriodNeighbours;
  /** This page of the month's articles. */
  readonly page: StablePage<T>;
}

/** What a day's page shows: which day, the days either side, and a page of its articles. */
export interface DayPageProps<T> {
  /** The day, `YYYY-MM-DD`. */
  readonly day: string;
  /** The next newer and older days with articles. */
  readonly neighbours: PeriodNeighbours;
  /** This page of the day's articles. */
  readonly page: StablePage<T>;
}

/** A getStaticPaths entry for one page of an archive month or day. */
export interface ArchivePagePath<Params, Props> {
  /** The route params. */
  readonly params: Params;
  /** The route props: everything the page shows. */
  readonly props: Props;
  /** Its key for incremental builds, built from the props, which are exactly what the page shows. */
  readonly cacheKey: string;
}

/** Route params of a month page: `/archive/<year>/<month>/` and `/archive/<year>/<month>/page/N/`. */
export interface MonthParams {
  /** The year, `YYYY`. */
  readonly year: string;
  /** The month, `MM`. */
  readonly month: string;
  /** `page/N` for page 2 or later, else undefined. */
  readonly page: string | undefined;
}

/** Route params of a day page: `/archive/<year>/<month>/<day>/` and `/archive/<year>/<month>/<day>/page/N/`. */
export interface DayParams extends MonthParams {
  /** The day of the month, `DD`. */
  readonly day: string;
}

/** getStaticPaths entries for every page of every month, `pageSize` articles a page, as the front page paginates. */
export function archiveMonthPaths<T>(
  archive: Archive<T>,
  pageSize: number,
): ArchivePagePath<MonthParams, MonthPageProps<T>>[] {
  const neighbours = periodNeighbours(archive.months.map(({ month }) => month));
  return archive.months.flatMap(({ month, articles, days }) => {
    const [year = '', monthNumber = ''] = month.split('-');
    const shown = {
      month,
      days: days.map((day) => ({ key: day.day, count: day.articles.length })),
      neighbours: neighbours.get(month) ?? { newer: undefined, older: undefined },
    };
    return paginateFromOldest(articles, pageSize).map((page) => {
      // The days and their counts are listed on the month's head only: a count that grows with each new article
      // would otherwise re-render every page of the current month.
      const props: MonthPageProps<T> = { ...shown, days: page.number === undefined ? shown.days : [], page };
      return {
        params: { year, month: monthNumber, page: pageParam(page) },
        props,
        cacheKey: pageCacheKey(props),
      };
    });
  });
}

/** getStaticPaths entries for every page of every day, `pageSize` articles a page. */
export function archiveDayPaths<T>(
  archive: Archive<T>,
  pageSize: number,
): ArchivePagePath<DayParams, DayPageProps<T>>[] {
  const neighbours = periodNeighbours(archive.days.map(({ day }) => day));
  return archive.days.flatMap(({ day, articles }) => {
    const [year = '', month = '', date = ''] = day.split('-');
    const dayNeighbours = neighbours.get(day) ?? { newer: undefined, older: undefined };
    return paginateFromOldest(articles, pageSize).map((page) => {
      const props: DayPageProps<T> = { day, neighbours: dayNeighbours, page };
      return {
        params: { year, month, day: date, page: pageParam(page) },
        props,
        cacheKey: pageCacheKey(props),
      };
    });
  });
}

/**
 * A month for reading, such as "April 2024", from a `YYYY-MM` key, in `locale`; `pattern` is the interface language's
 * (`LLLL yyyy` writes a Greek month on its own in the nominative, "Απρίλιος 2024").
 */
export function formatMonthHeading(month: string, locale: string, pattern = 'LLLL yyyy'): string {
  const [year, monthNumber] = month.split('-').map(Number);
  // Mid-month noon UTC, formatted in UTC: the machine's zone cannot move it into another month.
  return format(new Date(Date.UTC(year ?? 1970, (monthNumber ?? 1) - 1, 15, 12)), pattern, {
    in: tz('UTC'),
    locale: dateFnsLocale(locale),
  });
}
