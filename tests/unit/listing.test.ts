import { describe, expect, it } from 'vitest';
import { firstPage, groupListingPaths, laterPagePaths, listingTitle, pageLinks } from '@/lib/listing';
import { paginate } from '@/lib/pagination';

const items = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

describe('firstPage', () => {
  it('is the first page of the listing', () => {
    expect(firstPage(items(5), 2)).toEqual({ items: [1, 2], number: 1, total: 3, newer: undefined, older: 2 });
  });

  it('is an empty page for an empty listing', () => {
    expect(firstPage([], 20)).toEqual({ items: [], number: 1, total: 1, newer: undefined, older: undefined });
  });
});

describe('laterPagePaths', () => {
  it('gives pages 2..M with the number as a string param', () => {
    const paths = laterPagePaths(items(5), 2);
    expect(paths.map((path) => path.params)).toEqual([{ page: '2' }, { page: '3' }]);
    expect(paths[1]?.props.page.items).toEqual([5]);
  });

  it('gives no paths when everything fits on page 1', () => {
    expect(laterPagePaths(items(20), 20)).toEqual([]);
    expect(laterPagePaths([], 20)).toEqual([]);
  });
});

describe('group page paths', () => {
  const groups = [
    { id: 'a', list: items(3) },
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

  it('gives every group a first page, even an empty one, and later pages only where they exist', () => {
    const paths = groupListingPaths(groups, options);
    expect(paths.map((path) => path.params)).toEqual([
      { id: 'a', page: undefined },
      { id: 'a', page: 'page/2' },
      { id: 'b', page: undefined },
    ]);
    expect(paths[0]?.props.group).toBe(groups[0]);
    expect(paths[0]?.props.page.items).toEqual([1, 2]);
    expect(paths[1]?.props.page.items).toEqual([3]);
    expect(paths[2]?.props.page).toEqual({ items: [], number: 1, total: 1, newer: undefined, older: undefined });
  });

  it('keys each page by what it shows: its items, its place and the shown part of its group', () => {
    const keys = (list: readonly { id: string; list: number[] }[], shown = options.shown) =>
      groupListingPaths(list, { ...options, shown }).map((path) => path.cacheKey);
    const before = keys(groups);
    expect(new Set(before).size).toBe(3);
    // An item on page 2 changes: only page 2's key changes.
    const after = keys([{ id: 'a', list: [1, 2, 4] }, groups[1]!]);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[2]).toBe(before[2]);
    // A fourth item adds no page but changes page 2's items; page 1 shows the same as before.
    const added = keys([{ id: 'a', list: [1, 2, 3, 4] }, groups[1]!]);
    expect(added[0]).toBe(before[0]);
    expect(added[1]).not.toBe(before[1]);
    // A change in what the page shows of its group changes every page of that group.
    const renamed = keys(groups, (g) => `${g.id}!`);
    expect(renamed.every((key, index) => key !== before[index])).toBe(true);
  });
});

describe('laterPagePaths keys', () => {
  it('change on a page whose items change, and on every page when the page count changes', () => {
    const before = laterPagePaths(items(5), 2).map((path) => path.cacheKey);
    expect(laterPagePaths([1, 2, 3, 9, 5], 2).map((path) => path.cacheKey)).toEqual([
      expect.not.stringMatching(before[0]!),
      before[1],
    ]);
    const longer = laterPagePaths(items(7), 2).map((path) => path.cacheKey);
    expect(longer[0]).not.toBe(before[0]);
  });
});

describe('pageLinks', () => {
  const pages = paginate(items(5), 2);

  it('links only to older items from page 1', () => {
    expect(pageLinks(pages[0]!, '/sources/x/')).toEqual({
      current: 1,
      total: 3,
      newer: undefined,
      older: '/sources/x/page/2/',
    });
  });

  it('links back to the bare first page, not page/1/', () => {
    expect(pageLinks(pages[1]!, '/')).toEqual({ current: 2, total: 3, newer: '/', older: '/page/3/' });
  });

  it('links only to newer items from the last page', () => {
    expect(pageLinks(pages[2]!, '/news/tags/nato/')).toEqual({
      current: 3,
      total: 3,
      newer: '/news/tags/nato/page/2/',
      older: undefined,
    });
  });
});

describe('listingTitle', () => {
  it('is the plain title on page 1 and names the page after it', () => {
    expect(listingTitle('Athens News', { number: 1, total: 3 })).toBe('Athens News');
    expect(listingTitle('Athens News', { number: 2, total: 3 })).toBe('Athens News, page 2 of 3');
  });
});
