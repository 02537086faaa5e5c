import { describe, expect, it } from 'vitest';
import {
  firstPage,
  groupListingPaths,
  laterPagePaths,
  listingTitle,
  pageLinks,
} from '@/lib/listing';
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
  const options = { param: 'id' as const, key: (g: (typeof groups)[number]) => g.id, items: (g: (typeof groups)[number]) => g.list, pageSize: 2 };

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
});

describe('pageLinks', () => {
  const pages = paginate(items(5), 2);

  it('links only to older items from page 1', () => {
    expect(pageLinks(pages[0]!, '/sources/x/')).toEqual({ current: 1, total: 3, newer: undefined, older: '/sources/x/page/2/' });
  });

  it('links back to the bare first page, not page/1/', () => {
    expect(pageLinks(pages[1]!, '/')).toEqual({ current: 2, total: 3, newer: '/', older: '/page/3/' });
  });

  it('links only to newer items from the last page', () => {
    expect(pageLinks(pages[2]!, '/news/tags/nato/')).toEqual({ current: 3, total: 3, newer: '/news/tags/nato/page/2/', older: undefined });
  });
});

describe('listingTitle', () => {
  it('is the plain title on page 1 and names the page after it', () => {
    expect(listingTitle('Athens News', { number: 1, total: 3 })).toBe('Athens News');
    expect(listingTitle('Athens News', { number: 2, total: 3 })).toBe('Athens News, page 2 of 3');
  });
});
