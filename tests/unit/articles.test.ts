import { describe, expect, it } from 'vitest';
import { groupByDay, isPublished, neighboursById, sortNewestFirst } from '@/lib/articles';
import { type ContentDate, parseContentDate } from '@/lib/content-date';

function date(text: string): ContentDate {
  const parsed = parseContentDate(text);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
}
const item = (id: string, when: string) => ({ id, date: date(when) });
const ids = (list: readonly { id: string }[]) => list.map((entry) => entry.id);

describe('sortNewestFirst', () => {
  it('orders by date, newest first, then by id', () => {
    const sorted = sortNewestFirst(
      [item('b', '2024-04-18'), item('c', '2024-04-19'), item('a', '2024-04-19'), item('d', '2024-04-20')],
      'Europe/Athens',
    );
    expect(ids(sorted)).toEqual(['d', 'a', 'c', 'b']);
  });
  it('gives the same order whatever the input order', () => {
    const list = [item('x', '2024-04-19'), item('y', '2024-04-19'), item('z', '2024-04-19T10:00:00+03:00')];
    const forward = ids(sortNewestFirst(list, 'Europe/Athens'));
    const backward = ids(sortNewestFirst([...list].reverse(), 'Europe/Athens'));
    expect(forward).toEqual(backward);
    expect(forward).toEqual(['z', 'x', 'y']);
  });
  it('orders timed articles on one day by time, across offsets', () => {
    const sorted = sortNewestFirst(
      [
        item('early', '2024-04-19T08:00:00+03:00'),
        item('late-utc', '2024-04-19T07:00:00Z'),
        item('mid', '2024-04-19T09:00:00+03:00'),
      ],
      'Europe/Athens',
    );
    expect(ids(sorted)).toEqual(['late-utc', 'mid', 'early']);
  });
  it('does not change its input', () => {
    const list = [item('a', '2024-04-18'), item('b', '2024-04-19')];
    sortNewestFirst(list, 'UTC');
    expect(ids(list)).toEqual(['a', 'b']);
  });
});

describe('groupByDay', () => {
  const list = [
    item('date-only', '2024-04-19'),
    item('late-evening-utc', '2024-04-19T23:30:00Z'),
    item('early-morning-utc', '2024-04-19T00:30:00Z'),
  ];
  const grouped = (timeZone: string) =>
    groupByDay(sortNewestFirst(list, timeZone), timeZone).map((group) => [group.day, ids(group.articles)]);

  it('keeps a date-only article on its day in America/Los_Angeles (UTC-7)', () => {
    expect(grouped('America/Los_Angeles')).toEqual([
      ['2024-04-19', ['late-evening-utc', 'date-only']],
      ['2024-04-18', ['early-morning-utc']],
    ]);
  });
  it('keeps a date-only article on its day in Pacific/Kiritimati (UTC+14)', () => {
    expect(grouped('Pacific/Kiritimati')).toEqual([
      ['2024-04-20', ['late-evening-utc']],
      ['2024-04-19', ['early-morning-utc', 'date-only']],
    ]);
  });
  it('puts everything on its UTC day in UTC', () => {
    expect(grouped('UTC')).toEqual([['2024-04-19', ['late-evening-utc', 'early-morning-utc', 'date-only']]]);
  });
});

describe('isPublished', () => {
  it('hides drafts unless drafts are included', () => {
    expect(isPublished({ draft: true }, { includeDrafts: false })).toBe(false);
    expect(isPublished({ draft: true }, { includeDrafts: true })).toBe(true);
    expect(isPublished({ draft: false }, { includeDrafts: false })).toBe(true);
  });
});

describe('neighboursById', () => {
  it('links each article to the next newer and older one', () => {
    const sorted = sortNewestFirst([item('a', '2024-04-17'), item('b', '2024-04-18'), item('c', '2024-04-19')], 'UTC');
    const neighbours = neighboursById(sorted);
    expect(neighbours.get('c')).toEqual({ newer: undefined, older: sorted[1] });
    expect(ids([neighbours.get('b')?.newer, neighbours.get('b')?.older].filter((x) => x !== undefined))).toEqual([
      'c',
      'a',
    ]);
    expect(neighbours.get('a')?.older).toBeUndefined();
  });
});
