import type { Article, Source } from '@/lib/content';

// Plain props for component tests. Components never render the body (pages get it from renderArticle in
// lib/content.ts), so these articles carry none and renderArticle refuses them.

/** A source, with fields overridden as given. */
export function makeSource(overrides: Partial<Source> = {}): Source {
  return {
    id: 'athens-news',
    name: 'Athens News',
    url: 'https://www.athensnews.gr/',
    description: 'News in English from Greece',
    language: 'en',
    country: 'GR',
    indexing: 'noindex',
    ...overrides,
  };
}

/** An article, with fields overridden as given. */
export function makeArticle(overrides: Partial<Article> = {}): Article {
  return {
    id: '2024/04/rasmussen',
    title: 'Rasmussen: "NATO members may send troops to Ukraine"',
    date: { iso: '2024-04-19', dateOnly: true },
    updated: undefined,
    source: makeSource(),
    via: [],
    sourceUrl: undefined,
    authors: [],
    summary: 'Former NATO Secretary General Anders Fogh Rasmussen believes some members may send troops.',
    tags: [
      { slug: 'nato', label: 'NATO' },
      { slug: 'ukraine', label: 'Ukraine' },
    ],
    image: undefined,
    lang: 'en',
    draft: false,
    story: undefined,
    digest: 'f1x7ured1gest',
    ...overrides,
  };
}
