import type { ContentDate } from '@/lib/content-date';
import { isoDateTime } from '@/lib/dates';

// What a page tells search engines and sharing services about itself: canonical address, Open Graph and Twitter
// card tags, and the site's robots.txt. Pure: BaseLayout renders what these functions return.

/** One `<meta>` tag: Open Graph tags use `property`, the others `name`. */
export type MetaTag =
  | { readonly property: string; readonly content: string }
  | { readonly name: string; readonly content: string };

/** An image for sharing cards. */
export interface SharedImage {
  /** Its absolute address. */
  readonly url: string;
  /** Its text alternative. */
  readonly alt: string;
}

/** The Open Graph `article:*` facts of an article page. */
export interface ArticleSharing {
  /** When the source published it: RFC 3339 with an offset. */
  readonly publishedTime: string;
  /** When the source last updated it, or `publishedTime`. */
  readonly modifiedTime: string;
  /** The topic it is filed under first, when it has topics. */
  readonly section: string | undefined;
  /** Its topics. */
  readonly tags: readonly string[];
}

/** What a page's sharing tags are made from. */
export interface SharingInput {
  /** The site's name. */
  readonly siteName: string;
  /** The page's own title (without the site name). */
  readonly title: string;
  /** The page's description. */
  readonly description: string;
  /** The page's canonical absolute address; left out on a page that has none to share (the 404 page). */
  readonly url: string | undefined;
  /** The page's language (BCP 47). */
  readonly lang: string;
  /** Its image, when it has one. */
  readonly image: SharedImage | undefined;
  /** The article facts, on article pages. */
  readonly article: ArticleSharing | undefined;
}

/** The Open Graph locale for a BCP 47 tag: `en-GB` is `en_GB`. */
export function openGraphLocale(lang: string): string {
  return lang.replace(/-/g, '_');
}

/** Open Graph and Twitter card tags: `og:type` article with `article:*` on article pages, website elsewhere. */
export function sharingMetaTags(input: SharingInput): MetaTag[] {
  const tags: MetaTag[] = [
    { property: 'og:site_name', content: input.siteName },
    { property: 'og:type', content: input.article ? 'article' : 'website' },
    { property: 'og:title', content: input.title },
    { property: 'og:description', content: input.description },
    ...(input.url ? [{ property: 'og:url', content: input.url }] : []),
    { property: 'og:locale', content: openGraphLocale(input.lang) },
  ];
  if (input.image) {
    tags.push(
      { property: 'og:image', content: input.image.url },
      { property: 'og:image:alt', content: input.image.alt },
    );
  }
  if (input.article) {
    const { publishedTime, modifiedTime, section } = input.article;
    tags.push(
      { property: 'article:published_time', content: publishedTime },
      { property: 'article:modified_time', content: modifiedTime },
    );
    if (section) tags.push({ property: 'article:section', content: section });
    for (const tag of input.article.tags) tags.push({ property: 'article:tag', content: tag });
  }
  tags.push(
    { name: 'twitter:card', content: input.image ? 'summary_large_image' : 'summary' },
    { name: 'twitter:title', content: input.title },
    { name: 'twitter:description', content: input.description },
  );
  if (input.image)
    tags.push(
      { name: 'twitter:image', content: input.image.url },
      { name: 'twitter:image:alt', content: input.image.alt },
    );
  return tags;
}

/** The Open Graph article facts of an article: dates with offsets (a date-only value starts its day in `timeZone`). */
export function articleSharing(
  article: {
    readonly date: ContentDate;
    readonly updated: ContentDate | undefined;
    readonly tags: readonly { readonly label: string }[];
  },
  timeZone: string,
): ArticleSharing {
  const publishedTime = isoDateTime(article.date, timeZone);
  return {
    publishedTime,
    modifiedTime: article.updated ? isoDateTime(article.updated, timeZone) : publishedTime,
    section: article.tags[0]?.label,
    tags: article.tags.map((tag) => tag.label),
  };
}

/**
 * A page's canonical address: the one it names (an original under the `canonical` policy), else itself, except on a
 * `noindex` page, which should not be offered as anything's canonical address.
 */
export function canonicalHref(page: {
  readonly robots: string | undefined;
  readonly canonical: string | undefined;
  readonly selfUrl: string;
}): string | undefined {
  if (page.canonical) return page.canonical;
  if (page.robots && /\bnoindex\b/i.test(page.robots)) return undefined;
  return page.selfUrl;
}

/**
 * The address sharing cards name (`og:url`): the canonical address; on a `noindex` article page the page itself (it
 * is still a page people share); on any other `noindex` page (the 404 page, served at whatever address was missing)
 * none.
 */
export function sharedUrl(page: {
  readonly canonical: string | undefined;
  readonly selfUrl: string;
  readonly isArticle: boolean;
}): string | undefined {
  return page.canonical ?? (page.isArticle ? page.selfUrl : undefined);
}

/** The site's robots.txt: everything may be crawled (pages that should stay out say so themselves), and where the sitemap is. */
export function robotsTxt(sitemapUrl: string): string {
  return ['User-agent: *', 'Allow: /', '', `Sitemap: ${sitemapUrl}`, ''].join('\n');
}
