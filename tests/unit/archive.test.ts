import { describe, expect, it } from 'vitest';
import {
  archiveDayPaths,
  archiveMonthPaths,
  archiveYears,
  buildArchive,
  formatMonthHeading,
  monthOfDay,
  periodNeighbours,
} from '@/lib/archive';
import { sortNewestFirst } from '@/lib/articles';
import { type ContentDate, parseContentDate } from '@/lib/content-date';
import { archiveDayPath, archiveMonthPath, archivePath } from '@/lib/urls';

const athens = 'Europe/Athens';

function date(text: string): ContentDate {
  const parsed = parseContentDate(text);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
}
const item = (id: string, when: string) => ({ id, date: date(when) });
const ids = (list: readonly { id: string }[]) => list.map((entry) => entry.id);

/** Articles over three months of two years, sorted as the site sorts them. */
const articles = sortNewestFirst(
  [
    item('late-utc', '2024-04-18T23:30:00Z'),
    item('rasmussen', '2024-04-19'),
    item('morning', '2024-04-18T08:00:00+03:00'),
    item('april-first', '2024-04-01'),
    // 22:30 UTC on 31 March is 01:30 on 1 April in Athens (summer time began on 31 March 2024).
    item('month-edge', '2024-03-31T22:30:00Z'),
    item('march', '2024-03-05T12:00:00+02:00'),
    item('new-year', '2023-12-31T23:00:00Z'),
    item('december', '2023-12-30'),
  ],
  athens,
);

describe('buildArchive', () => {
  const archive = buildArchive(articles, athens);

  it("files articles under the day and month they fall on in the site's zone", () => {
    // 23:30 UTC on the 18th is already the 19th in Athens; a date-only value keeps its own day.
    expect(archive.days.map(({ day, articles: list }) => [day, ids(list)])).toEqual([
      ['2024-04-19', ['late-utc', 'rasmussen']],
      ['2024-04-18', ['morning']],
      ['2024-04-01', ['month-edge', 'april-first']],
      ['2024-03-05', ['march']],
      ['2024-01-01', ['new-year']],
      ['2023-12-30', ['december']],
    ]);
    expect(archive.months.map(({ month, articles: list }) => [month, list.length])).toEqual([
      ['2024-04', 5],
      ['2024-03', 1],
      ['2024-01', 1],
      ['2023-12', 1],
    ]);
  });

  it('files the same article on another day in another zone', () => {
    const utc = buildArchive(articles, 'UTC');
    expect(utc.days.find(({ day }) => day === '2024-04-18')?.articles.map(({ id }) => id)).toEqual([
      'late-utc',
      'morning',
    ]);
    expect(utc.months.map(({ month }) => month)).toEqual(['2024-04', '2024-03', '2023-12']);
  });

  it("lists a month's articles newest day first, in the order given within a day, with its days", () => {
    const april = archive.months[0];
    expect(ids(april?.articles ?? [])).toEqual(['late-utc', 'rasmussen', 'morning', 'month-edge', 'april-first']);
    expect(april?.days.map(({ day }) => day)).toEqual(['2024-04-19', '2024-04-18', '2024-04-01']);
  });

  it('gives the same days and months whatever the input order', () => {
    const reversed = buildArchive([...articles].reverse(), athens);
    expect(reversed.days.map(({ day }) => day)).toEqual(archive.days.map(({ day }) => day));
    expect(reversed.months.map(({ month }) => month)).toEqual(archive.months.map(({ month }) => month));
  });

  it('has no days or months without articles', () => {
    const empty = buildArchive([], athens);
    expect(empty).toEqual({ months: [], days: [] });
    expect(archiveYears(empty)).toEqual([]);
    expect(archiveMonthPaths(empty, 20)).toEqual([]);
    expect(archiveDayPaths(empty, 20)).toEqual([]);
  });
});

describe('archiveYears', () => {
  it('counts articles by year and month, newest first', () => {
    expect(archiveYears(buildArchive(articles, athens))).toEqual([
      {
        year: '2024',
        count: 7,
        months: [
          { key: '2024-04', count: 5 },
          { key: '2024-03', count: 1 },
          { key: '2024-01', count: 1 },
        ],
      },
      { year: '2023', count: 1, months: [{ key: '2023-12', count: 1 }] },
    ]);
  });
});

describe('periodNeighbours', () => {
  it('gives each period the next newer and older one, none past either end', () => {
    const neighbours = periodNeighbours(['2024-04', '2024-01', '2023-12']);
    expect(neighbours.get('2024-04')).toEqual({ newer: undefined, older: '2024-01' });
    expect(neighbours.get('2024-01')).toEqual({ newer: '2024-04', older: '2023-12' });
    expect(neighbours.get('2023-12')).toEqual({ newer: '2024-01', older: undefined });
  });
});

describe('archiveMonthPaths', () => {
  const archive = buildArchive(articles, athens);

  it('paginates each month like the front page, with the months that have articles either side', () => {
    const paths = archiveMonthPaths(archive, 2);
    expect(paths.map(({ params }) => params)).toEqual([
      { year: '2024', month: '04', page: undefined },
      { year: '2024', month: '04', page: 'page/1' },
      { year: '2024', month: '03', page: undefined },
      { year: '2024', month: '01', page: undefined },
      { year: '2023', month: '12', page: undefined },
    ]);
    const [head, pageOne, march] = paths;
    // Five April articles: the head holds the newest three, page 1 the oldest two.
    expect(ids(head?.props.page.items ?? []).slice(0, 2)).toEqual(['late-utc', 'rasmussen']);
    expect(head?.props.page.items).toHaveLength(3);
    expect(ids(pageOne?.props.page.items ?? []).at(-1)).toBe('april-first');
    expect(pageOne?.props.page).toMatchObject({ number: 1, newer: 'head', older: undefined });
    // February has no articles, so March's older neighbour is January.
    expect(march?.props.neighbours).toEqual({ newer: '2024-04', older: '2024-01' });
    expect(head?.props.neighbours).toEqual({ newer: undefined, older: '2024-03' });
    expect(head?.props.days).toEqual([
      { key: '2024-04-19', count: 2 },
      { key: '2024-04-18', count: 1 },
      { key: '2024-04-01', count: 2 },
    ]);
    // The days and their counts are on the head only, so a numbered page stays as it is when the month grows.
    expect(pageOne?.props.days).toEqual([]);
  });

  it('keeps a numbered page of the current month when a newer article arrives in it', () => {
    const key = (list: typeof articles) =>
      archiveMonthPaths(buildArchive(list, athens), 2).find(({ params }) => params.page === 'page/1')?.cacheKey;
    // Six April articles fill the head and pages 2 and 1; a seventh goes on the head and leaves page 1 alone.
    const six = sortNewestFirst([...articles, item('april-later', '2024-04-20')], athens);
    const seven = sortNewestFirst([...six, item('april-latest', '2024-04-21')], athens);
    expect(key(six)).toBeDefined();
    expect(key(seven)).toBe(key(six));
  });

  it("keys each page on what it shows: its articles and its neighbours' change it, another month's do not", () => {
    const before = archiveMonthPaths(archive, 20);
    const withMarch = archiveMonthPaths(
      buildArchive(sortNewestFirst([...articles, item('march-2', '2024-03-06')], athens), athens),
      20,
    );
    const key = (paths: typeof before, month: string) => paths.find(({ props }) => props.month === month)?.cacheKey;
    expect(key(withMarch, '2024-03')).not.toBe(key(before, '2024-03'));
    expect(key(withMarch, '2024-04')).toBe(key(before, '2024-04'));
    // A new month between April and March changes both neighbours' pages, not January's.
    const withFebruary = archiveMonthPaths(
      buildArchive(sortNewestFirst([...articles, item('february', '2024-02-10')], athens), athens),
      20,
    );
    expect(key(withFebruary, '2024-03')).not.toBe(key(before, '2024-03'));
    expect(key(withFebruary, '2024-01')).not.toBe(key(before, '2024-01'));
    expect(key(withFebruary, '2024-04')).toBe(key(before, '2024-04'));
    expect(key(withFebruary, '2023-12')).toBe(key(before, '2023-12'));
    expect(new Set(before.map(({ cacheKey }) => cacheKey)).size).toBe(before.length);
  });
});

describe('archiveDayPaths', () => {
  it('gives every day with articles its pages and the days with articles either side', () => {
    const paths = archiveDayPaths(buildArchive(articles, athens), 1);
    expect(paths.slice(0, 3).map(({ params }) => params)).toEqual([
      { year: '2024', month: '04', day: '19', page: undefined },
      { year: '2024', month: '04', day: '19', page: 'page/1' },
      { year: '2024', month: '04', day: '18', page: undefined },
    ]);
    const eighteenth = paths.find(({ props }) => props.day === '2024-04-18');
    expect(eighteenth?.props.neighbours).toEqual({ newer: '2024-04-19', older: '2024-04-01' });
    expect(ids(eighteenth?.props.page.items ?? [])).toEqual(['morning']);
    const newYear = paths.find(({ props }) => props.day === '2024-01-01');
    expect(newYear?.props.neighbours).toEqual({ newer: '2024-03-05', older: '2023-12-30' });
  });
});

describe('archive paths', () => {
  it('builds the index, month and day paths, with numbered pages under page/N/', () => {
    expect(archivePath('/')).toBe('/archive/');
    expect(archiveMonthPath('/', '2024-04')).toBe('/archive/2024/04/');
    expect(archiveMonthPath('/', '2024-04', 1)).toBe('/archive/2024/04/page/1/');
    expect(archiveMonthPath('/', '2024-04', 2)).toBe('/archive/2024/04/page/2/');
    expect(archiveDayPath('/', '2024-04-19')).toBe('/archive/2024/04/19/');
    expect(archiveDayPath('/', '2024-04-19', 3)).toBe('/archive/2024/04/19/page/3/');
  });

  it('puts them under the base path', () => {
    expect(archivePath('/news/')).toBe('/news/archive/');
    expect(archiveMonthPath('/news/', '2024-04', 2)).toBe('/news/archive/2024/04/page/2/');
    expect(archiveDayPath('/news', '2024-04-19')).toBe('/news/archive/2024/04/19/');
  });

  it('refuses a month or day that is not written as a key', () => {
    expect(() => archiveMonthPath('/', '2024-4')).toThrow(RangeError);
    expect(() => archiveDayPath('/', '2024-04')).toThrow(RangeError);
    expect(() => archiveDayPath('/', '19/04/2024')).toThrow(RangeError);
  });

  it("matches each page's route params", () => {
    const archive = buildArchive(articles, athens);
    for (const { params, props } of archiveDayPaths(archive, 1)) {
      const rest = params.page === undefined ? '' : `${params.page}/`;
      expect(archiveDayPath('/', props.day, props.page.number)).toBe(
        `/archive/${params.year}/${params.month}/${params.day}/${rest}`,
      );
    }
    for (const { params, props } of archiveMonthPaths(archive, 2)) {
      const rest = params.page === undefined ? '' : `${params.page}/`;
      expect(archiveMonthPath('/', props.month, props.page.number)).toBe(
        `/archive/${params.year}/${params.month}/${rest}`,
      );
    }
  });
});

describe('headings', () => {
  it('names a month in the locale', () => {
    expect(formatMonthHeading('2024-04', 'en-GB')).toBe('April 2024');
    expect(formatMonthHeading('2023-12', 'en-GB')).toBe('December 2023');
    expect(formatMonthHeading('2024-04', 'el')).toBe('Απρίλιος 2024');
  });

  it('finds the month of a day', () => {
    expect(monthOfDay('2024-04-19')).toBe('2024-04');
  });
});
