import { describe, expect, it } from 'vitest';
import { articleIdFromPath, isSlug, slugify } from '@/lib/slug';
import { normalizeTag } from '@/lib/tags';
import { articlePath, displayHost, frontPagePath, sourcePath, tagPath, withBase } from '@/lib/urls';

describe('urls', () => {
  it('applies the base path once', () => {
    expect(withBase('/', 'articles/x/')).toBe('/articles/x/');
    expect(withBase('/news/', '/articles/x/')).toBe('/news/articles/x/');
    expect(withBase('/news', 'sources/')).toBe('/news/sources/');
    expect(withBase('', '')).toBe('/');
  });
  it('builds article, source, tag and listing paths', () => {
    expect(articlePath('/', '2024/04/rasmussen')).toBe('/articles/2024/04/rasmussen/');
    expect(sourcePath('/news/', 'athens-news')).toBe('/news/sources/athens-news/');
    expect(sourcePath('/', 'athens-news', 2)).toBe('/sources/athens-news/page/2/');
    expect(tagPath('/', 'nato', 3)).toBe('/tags/nato/page/3/');
    expect(frontPagePath('/')).toBe('/');
    // Pages are numbered from the oldest, so page 1 has an address of its own.
    expect(frontPagePath('/', 1)).toBe('/page/1/');
    expect(frontPagePath('/news/', 2)).toBe('/news/page/2/');
  });
  it('shows a host without www', () => {
    expect(displayHost('https://www.athensnews.gr/a/b')).toBe('athensnews.gr');
    expect(displayHost('https://theguardian.com/')).toBe('theguardian.com');
  });
});

describe('slugs and ids', () => {
  it('slugifies each path segment of an article id', () => {
    expect(articleIdFromPath('2024/04/Rasmussen NATO.md')).toBe('2024/04/rasmussen-nato');
    expect(articleIdFromPath('Ελλάδα/Νέα Είδηση.md')).toBe('ellada/nea-eidisi');
    expect(articleIdFromPath('2024/!!!.md')).toBeUndefined();
  });
  it('recognises slugs', () => {
    expect(isSlug('athens-news')).toBe(true);
    expect(isSlug('Athens News')).toBe(false);
    expect(isSlug('a--b')).toBe(false);
    expect(slugify('  C++ & Rust  ')).toBe('c-and-rust');
  });
  it('makes tags that differ in case or spacing one topic', () => {
    expect(normalizeTag(' Security   Guarantees ')).toEqual({
      slug: 'security-guarantees',
      label: 'Security Guarantees',
    });
    expect(normalizeTag('NATO').slug).toBe(normalizeTag('nato').slug);
  });
});
