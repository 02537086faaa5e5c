import type { FeedLink } from '@/lib/feeds/feed-links';
import { feedLinks } from '@/lib/feeds/feed-links';
import { indexingHints } from '@/lib/indexing';
import { type JsonLdObject, type NewsArticleInput, newsArticleJsonLd } from '@/lib/json-ld';
import { type ArticleSharing, articleSharing, type SharedImage } from '@/lib/seo';
import { absoluteUrl, articlePath, frontPagePath } from '@/lib/urls';

// Everything an article page puts in its <head> beyond title and description, gathered in one pure function so that
// the page stays thin and the rules are unit-tested.

/** What the article page passes to BaseLayout for search engines, sharing and feeds. */
export interface ArticleHead {
  /** `noindex` under the source's `noindex` policy. */
  readonly robots: string | undefined;
  /** The original's address under the source's `canonical` policy. */
  readonly canonical: string | undefined;
  /** The feeds of the article's source. */
  readonly feeds: readonly FeedLink[];
  /** The lead image for sharing cards. */
  readonly image: SharedImage | undefined;
  /** Open Graph article facts. */
  readonly article: ArticleSharing;
  /** NewsArticle JSON-LD. */
  readonly jsonLd: JsonLdObject;
}

/** The site facts an article's head needs. */
export interface ArticleHeadContext {
  /** The public origin. */
  readonly siteUrl: string;
  /** The base path. */
  readonly base: string;
  /** The site's name (the publisher of our copy). */
  readonly siteTitle: string;
  /** The zone date-only values start their day in. */
  readonly timeZone: string;
}

/** What an article's head is made from. */
export type ArticleHeadInput = Omit<NewsArticleInput, 'url' | 'imageUrl'> & {
  /** The article id. */
  readonly id: string;
  /** The outlet, with its id and indexing policy. */
  readonly source: NewsArticleInput['source'] & {
    readonly id: string;
    readonly indexing: 'noindex' | 'canonical' | 'index';
  };
  /** The lead image's alt text, when it has one. */
  readonly image: { readonly alt: string } | undefined;
};

/** The head of an article page: indexing per its source's policy, its source's feeds, Open Graph facts and JSON-LD. */
export function articlePageHead(
  article: ArticleHeadInput,
  imageUrl: string | undefined,
  context: ArticleHeadContext,
): ArticleHead {
  const url = absoluteUrl(context.siteUrl, articlePath(context.base, article.id));
  const { robots, canonical } = indexingHints(article);
  return {
    robots,
    canonical,
    feeds: feedLinks(context.base, { kind: 'source', id: article.source.id }, article.source.name),
    image: imageUrl && article.image ? { url: imageUrl, alt: article.image.alt } : undefined,
    article: articleSharing(article, context.timeZone),
    jsonLd: newsArticleJsonLd(
      { ...article, url, imageUrl },
      { name: context.siteTitle, url: absoluteUrl(context.siteUrl, frontPagePath(context.base)) },
      context.timeZone,
    ),
  };
}
