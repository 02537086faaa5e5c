import { describe, expect, it } from 'vitest';
import { type Article, moreFromSource, type SiteContent } from '@/lib/content';

// moreFromSource only reads articlesBySource; the articles need only an id and a source id.
const article = (id: string, source = 'alpha') => ({ id, source: { id: source } }) as unknown as Article;

function content(ids: readonly string[]): SiteContent {
  return { articlesBySource: new Map([['alpha', ids.map((id) => article(id))]]) } as unknown as SiteContent;
}

describe('moreFromSource', () => {
  const site = content(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  it('gives the articles the source published just before it, newest first, leaving the article itself out', () => {
    expect(moreFromSource(site, article('c'), 3).map(({ id }) => id)).toEqual(['d', 'e', 'f']);
    expect(moreFromSource(site, article('a'), 3).map(({ id }) => id)).toEqual(['b', 'c', 'd']);
  });
  it('tops up with the articles just after it when fewer came before', () => {
    expect(moreFromSource(site, article('f'), 3).map(({ id }) => id)).toEqual(['d', 'e', 'g']);
    expect(moreFromSource(site, article('g'), 3).map(({ id }) => id)).toEqual(['d', 'e', 'f']);
  });
  it("keeps an article's list when its source adds a newer article", () => {
    const grown = content(['new', 'a', 'b', 'c', 'd', 'e', 'f', 'g']);
    for (const id of ['a', 'b', 'c', 'd'])
      expect(moreFromSource(grown, article(id), 3)).toEqual(moreFromSource(site, article(id), 3));
  });
  it('gives fewer when the source has fewer, and none for an unknown source', () => {
    expect(moreFromSource(content(['a', 'b']), article('a'), 5).map(({ id }) => id)).toEqual(['b']);
    expect(moreFromSource(site, article('x', 'beta'), 5)).toEqual([]);
  });
});
