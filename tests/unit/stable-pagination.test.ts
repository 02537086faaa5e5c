import { describe, expect, it } from 'vitest';
import { paginateFromOldest, type StablePage } from '@/lib/pagination';

/** Items newest first: `count` down to 1, so an item's value is its position counted from the oldest. */
const newestFirst = (count: number) => Array.from({ length: count }, (_, index) => count - index);

const shape = (pages: readonly StablePage<number>[]) =>
  pages.map(({ number, newer, older, items }) => ({ number, newer, older, size: items.length }));

describe('paginateFromOldest', () => {
  it('keeps a listing shorter than two pages on its head', () => {
    expect(shape(paginateFromOldest(newestFirst(0), 20))).toEqual([
      { number: undefined, newer: undefined, older: undefined, size: 0 },
    ]);
    expect(shape(paginateFromOldest(newestFirst(39), 20))).toEqual([
      { number: undefined, newer: undefined, older: undefined, size: 39 },
    ]);
  });

  it('numbers full pages from the oldest item and links them both ways', () => {
    const pages = paginateFromOldest(newestFirst(65), 20);
    expect(shape(pages)).toEqual([
      { number: undefined, newer: undefined, older: 2, size: 25 },
      { number: 2, newer: 'head', older: 1, size: 20 },
      { number: 1, newer: 2, older: undefined, size: 20 },
    ]);
    // Page 1 holds the twenty oldest items, newest first; nothing is lost or shown twice.
    expect(pages[2]?.items).toEqual(newestFirst(20));
    expect(pages.flatMap((page) => page.items)).toEqual(newestFirst(65));
  });

  it('changes only the head, closes at most one page and relinks at most one, when an item is added', () => {
    for (let count = 0; count < 130; count += 1) {
      const before = paginateFromOldest(newestFirst(count), 20);
      const after = paginateFromOldest(newestFirst(count + 1), 20);
      const numbered = (pages: readonly StablePage<number>[]) =>
        new Map(pages.filter((page) => page.number !== undefined).map((page) => [page.number, page]));
      const old = numbered(before);
      const now = [...numbered(after)];
      const added = now.filter(([number]) => !old.has(number));
      const changed = now.filter(
        ([number, page]) => old.has(number) && JSON.stringify(old.get(number)) !== JSON.stringify(page),
      );
      // Once in twenty additions a page closes, and the page before it now links to it rather than to the head.
      expect(added.length, `adding item ${count + 1}`).toBeLessThanOrEqual(1);
      expect(changed.length, `adding item ${count + 1}`).toBe(added.length === 1 && old.size > 0 ? 1 : 0);
      expect(
        changed.every(([, page]) => page.items.length === 20),
        `adding item ${count + 1}`,
      ).toBe(true);
      const head = after[0];
      expect(head?.items.length).toBe(count + 1 < 40 ? count + 1 : 20 + ((count + 1) % 20));
    }
  });

  it('rejects a page size below 1', () => {
    expect(() => paginateFromOldest([1, 2], 0)).toThrow(RangeError);
  });
});
