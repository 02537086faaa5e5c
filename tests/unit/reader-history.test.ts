import { describe, expect, it } from 'vitest';
import {
  isNewSince,
  itemMark,
  markRead,
  nextVisit,
  parseReadHistory,
  parseVisitState,
  READ_HISTORY_LIMIT,
  VISIT_GAP_MS,
} from '@/lib/reader/history';

describe('the read history', () => {
  it('adds an opened article as the newest, moving it there when it was already in', () => {
    expect(markRead([], '/a/')).toEqual(['/a/']);
    expect(markRead(['/a/', '/b/'], '/c/')).toEqual(['/a/', '/b/', '/c/']);
    expect(markRead(['/a/', '/b/', '/c/'], '/a/')).toEqual(['/b/', '/c/', '/a/']);
  });

  it('is bounded: past the limit, the oldest entries are forgotten first', () => {
    expect(markRead(['/a/', '/b/', '/c/'], '/d/', 3)).toEqual(['/b/', '/c/', '/d/']);
    expect(markRead(['/a/', '/b/', '/c/'], '/b/', 2)).toEqual(['/c/', '/b/']);
    const full = Array.from({ length: READ_HISTORY_LIMIT }, (_, index) => `/${index}/`);
    const next = markRead(full, '/new/');
    expect(next).toHaveLength(READ_HISTORY_LIMIT);
    expect(next[0]).toBe('/1/');
    expect(next.at(-1)).toBe('/new/');
  });

  it('reads stored JSON, and anything malformed as an empty history', () => {
    expect(parseReadHistory('["/a/","/b/"]')).toEqual(['/a/', '/b/']);
    expect(parseReadHistory('["/a/",3,null]')).toEqual(['/a/']);
    expect(parseReadHistory(null)).toEqual([]);
    expect(parseReadHistory('{"a":1}')).toEqual([]);
    expect(parseReadHistory('not json')).toEqual([]);
  });
});

describe('new since the last visit', () => {
  const noon = Date.parse('2024-04-18T12:00:00Z');

  it('has nothing new on a first visit', () => {
    expect(nextVisit(undefined, noon)).toEqual({ lastSeen: noon, since: undefined });
  });

  it('measures a visit after a long gap from the last page view of the one before', () => {
    const later = noon + VISIT_GAP_MS + 1;
    expect(nextVisit({ lastSeen: noon }, later)).toEqual({ lastSeen: later, since: noon });
  });

  it('keeps the baseline while the reader browses within the gap, so marks stay put', () => {
    const visit = nextVisit({ lastSeen: noon }, noon + VISIT_GAP_MS * 2);
    const next = nextVisit(visit, visit.lastSeen + VISIT_GAP_MS - 1);
    expect(next.since).toBe(noon);
    expect(nextVisit(next, next.lastSeen + 1000).since).toBe(noon);
    // Exactly the gap is still the same visit.
    expect(nextVisit({ lastSeen: noon, since: 5 }, noon + VISIT_GAP_MS).since).toBe(5);
  });

  it('reads the stored state, refusing what is not a state', () => {
    expect(parseVisitState('{"lastSeen":10,"since":5}')).toEqual({ lastSeen: 10, since: 5 });
    expect(parseVisitState('{"lastSeen":10}')).toEqual({ lastSeen: 10, since: undefined });
    expect(parseVisitState('{"lastSeen":"10"}')).toBeUndefined();
    expect(parseVisitState('null')).toBeUndefined();
    expect(parseVisitState('{')).toBeUndefined();
    expect(parseVisitState(null)).toBeUndefined();
  });

  it('compares a date-time, or a date as midnight UTC, with the baseline', () => {
    expect(isNewSince('2024-04-19', noon)).toBe(true);
    expect(isNewSince('2024-04-18', noon)).toBe(false);
    expect(isNewSince('2024-04-18T15:30:00+04:00', noon)).toBe(false);
    expect(isNewSince('2024-04-18T15:30:00+02:00', noon)).toBe(true);
    expect(isNewSince('2024-04-19', undefined)).toBe(false);
    expect(isNewSince('not a date', noon)).toBe(false);
  });

  it('marks an opened item as read rather than new', () => {
    const read = new Set(['/a/']);
    expect(itemMark('/a/', '2024-04-19', read, noon)).toBe('read');
    expect(itemMark('/b/', '2024-04-19', read, noon)).toBe('new');
    expect(itemMark('/b/', '2024-04-17', read, noon)).toBeUndefined();
    expect(itemMark('/b/', undefined, read, noon)).toBeUndefined();
  });
});
