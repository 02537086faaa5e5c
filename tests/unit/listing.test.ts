import { describe, expect, it } from 'vitest';
import { groupListingPaths, headPage, numberedPagePaths, pageLinks } from '@/lib/listing';
import { paginateFromOldest } from '@/lib/pagination';

/** Items newest first: `count` down to 1. */
const items = (count: number) => Array.from({ length: count }, (_, index) => count - index);

describe('headPage', () => {
  it('holds the newest items, all of a listing shorter than two pages', () => {
    expect(headPage(items(3), 2)).toEqual({ items: [3, 2, 1], number: undefined, newer: undefined, older: undefined });
    expect(headPage(items(5), 2)).toEqual({ items: [5, 4, 3], number: undefined, newer: undefined, older: 1 });
  });

  it('is an empty page for an empty listing', () => {
    expect(headPage([], 20)).toEqual({ items: [], number: undefined, newer: undefined, older: undefined });
  });
});

describe('numberedPagePaths', () => {
  it('gives the numbered pages, newest first, with the number as a string param', () => {
    const paths = numberedPagePaths(items(7), 2);
    expect(paths.map((path) => path.params)).toEqual([{ page: '2' }, { page: '1' }]);
    expect(paths[1]?.props.page.items).toEqual([2, 1]);
  });

  it('gives no paths when everything fits on the head', () => {
    expect(numberedPagePaths(items(39), 20)).toEqual([]);
    expect(numberedPagePaths([], 20)).toEqual([]);
  });

  it('keeps every numbered page key when an article is added, until a page closes', () => {
    const keys = (count: number) => numberedPagePaths(items(count), 2).map((path) => path.cacheKey);
    expect(keys(8)).toEqual(keys(9));
    // The tenth item closes page 4, and page 3 now links to it instead of to the head; pages 1 and 2 stay.
    const before = keys(9);
    const after = keys(10);
    expect(after.slice(2)).toEqual(before.slice(1));
    expect(after[1]).not.toBe(before[0]);
  });
});

describe('group page paths', () => {
  const groups = [
    { id: 'a', list: items(5) },
    { id: 'b', list: [] as number[] },
  ];
  type Group = (typeof groups)[number];
  const options = {
    param: 'id' as const,
    key: (g: Group) => g.id,
    items: (g: Group) => g.list,
    pageSize: 2,
    shown: (g: Group) => g.id,
  };

  it('gives every group a head, even an empty one, and numbered pages only where they exist', () => {
    const paths = groupListingPaths(groups, options);
    expect(paths.map((path) => path.params)).toEqual([
      { id: 'a', page: undefined },
      { id: 'a', page: 'page/1' },
      { id: 'b', page: undefined },
    ]);
    expect(paths[0]?.props.group).toBe(groups[0]);
    expect(paths[0]?.props.page.items).toEqual([5, 4, 3]);
    expect(paths[1]?.props.page.items).toEqual([2, 1]);
    expect(paths[2]?.props.page).toEqual({ items: [], number: undefined, newer: undefined, older: undefined });
  });

  it('keys each page by what it shows: its items, its place and the shown part of its group', () => {
    const keys = (list: readonly Group[], shown = options.shown) =>
      groupListingPaths(list, { ...options, shown }).map((path) => path.cacheKey);
    const before = keys(groups);
    expect(new Set(before).size).toBe(3);
    // An item on page 1 changes: only page 1's key changes.
    const after = keys([{ id: 'a', list: [5, 4, 3, 9, 1] }, groups[1] as Group]);
    expect(after).toEqual([before[0], expect.not.stringMatching(before[1] ?? ''), before[2]]);
    // With six items, a seventh changes the head only: pages 2 and 1 keep their keys.
    const six = keys([{ id: 'a', list: items(6) }, groups[1] as Group]);
    const seven = keys([{ id: 'a', list: items(7) }, groups[1] as Group]);
    expect(seven.slice(1)).toEqual(six.slice(1));
    expect(seven[0]).not.toBe(six[0]);
    // A change in what the page shows of its group changes every page of that group.
    const renamed = keys(groups, (g) => `${g.id}!`);
    expect(renamed.every((key, index) => key !== before[index])).toBe(true);
  });
});

describe('pageLinks', () => {
  const pages = paginateFromOldest(items(8), 2);

  it('links only to older items from the head, to the highest numbered page', () => {
    expect(pageLinks(pages[0]!, '/sources/x/')).toEqual({
      current: undefined,
      newer: undefined,
      older: '/sources/x/page/3/',
    });
  });

  it('links the newest numbered page back to the bare head, not to a page number', () => {
    expect(pageLinks(pages[1]!, '/')).toEqual({ current: 3, newer: '/', older: '/page/2/' });
  });

  it('links page 1, the oldest, only to newer items, at its own address', () => {
    expect(pageLinks(pages[3]!, '/news/tags/nato/')).toEqual({
      current: 1,
      newer: '/news/tags/nato/page/2/',
      older: undefined,
    });
  });
});
