import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { articlesLoaderExtension } from '@/integrations/fast-build/articles-loader-extension';
import { parseFastBuildSwitch } from '@/integrations/fast-build/switch';
import { isUnchangedArticle, UNCHANGED_ARTICLE } from '@/integrations/fast-build/unchanged-articles';

const TEXT = "---\ntitle: 'A'\ndate: 2024-01-01\nsource: s\n---\n\nBody.\n";

/** A loader context whose store holds one entry for `content/articles/2024/a.md`, made from TEXT. */
function contextWith(entry: Record<string, unknown>): LoaderContext {
  const stored = {
    id: '2024/a',
    filePath: 'content/articles/2024/a.md',
    digest: `d:${TEXT}`,
    rendered: { html: '' },
    data: {},
    ...entry,
  };
  return {
    config: { root: pathToFileURL('/site/') },
    store: { get: (id: string) => (id === stored.id ? stored : undefined) },
    generateDigest: (text: string) => `d:${text}`,
  } as unknown as LoaderContext;
}

const file = { id: '2024/a', filePath: '/site/content/articles/2024/a.md', contents: TEXT };

describe('isUnchangedArticle', () => {
  it('is true only for the same file with the same text as its stored, rendered entry', () => {
    expect(isUnchangedArticle(contextWith({}), file)).toBe(true);
    expect(isUnchangedArticle(contextWith({}), { ...file, contents: `${TEXT} ` })).toBe(false);
    expect(isUnchangedArticle(contextWith({}), { ...file, id: '2024/b' })).toBe(false);
    expect(isUnchangedArticle(contextWith({ filePath: 'content/articles/2024/other.md' }), file)).toBe(false);
    expect(isUnchangedArticle(contextWith({ rendered: undefined }), file)).toBe(false);
    expect(isUnchangedArticle(contextWith({ digest: undefined }), file)).toBe(false);
  });

  it('reads again a text with U+FFFD (it may stand for invalid bytes) and an article with a lead image', () => {
    const withReplacement = TEXT.replace('Body.', 'Body \uFFFD.');
    expect(
      isUnchangedArticle(contextWith({ digest: `d:${withReplacement}` }), { ...file, contents: withReplacement }),
    ).toBe(false);
    expect(isUnchangedArticle(contextWith({ data: { image: { src: './a.png' } } }), file)).toBe(false);
  });
});

describe('articlesLoaderExtension', () => {
  it('gives the loader only what the pieces that are on add', () => {
    expect(articlesLoaderExtension(parseFastBuildSwitch('0'))).toBeUndefined();
    expect(articlesLoaderExtension(parseFastBuildSwitch('store,gc,output'))).toBeUndefined();
    const bodies = articlesLoaderExtension(parseFastBuildSwitch('bodies'));
    expect(Object.keys(bodies ?? {}).sort()).toEqual(['afterLoad', 'beforeLoad', 'storedRendered']);
    const unchanged = articlesLoaderExtension(parseFastBuildSwitch('unchanged'));
    expect(Object.keys(unchanged ?? {}).sort()).toEqual(['afterLoad', 'keptArticles', 'unchangedEntryInfo']);
    expect(Object.keys(articlesLoaderExtension(parseFastBuildSwitch('1')) ?? {}).sort()).toEqual([
      'afterLoad',
      'beforeLoad',
      'keptArticles',
      'storedRendered',
      'unchangedEntryInfo',
    ]);
  });

  it('tells the glob loader nothing about an unchanged file but that it is one', () => {
    const { unchangedEntryInfo } = articlesLoaderExtension(parseFastBuildSwitch('unchanged')) ?? {};
    expect(unchangedEntryInfo?.(contextWith({}), file)).toBe(UNCHANGED_ARTICLE);
    expect(UNCHANGED_ARTICLE).toEqual({ data: {}, body: '', slug: undefined });
    expect(unchangedEntryInfo?.(contextWith({}), { ...file, contents: 'edited' })).toBeUndefined();
  });
});
