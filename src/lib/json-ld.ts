import type { ContentDate } from '@/lib/content-date';
import { isoDateTime } from '@/lib/dates';

// Structured data for search engines (https://schema.org/NewsArticle), and a serializer that is safe inside
// <script type="application/ld+json">: no headline can close the script or open a comment there.

/** A JSON-LD value. */
export type JsonLdValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonLdValue[]
  | { readonly [key: string]: JsonLdValue | undefined };

/** A JSON-LD object. */
export type JsonLdObject = { readonly [key: string]: JsonLdValue | undefined };

const UNSAFE_IN_SCRIPT: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON for a `<script type="application/ld+json">` body: `<`, `>`, `&`, U+2028 and U+2029 written as `\uXXXX`
 * escapes, which JSON parsers read back as the same characters, so `</script>` or `<!--` in a title stays text.
 */
export function serializeJsonLd(data: JsonLdObject): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (character) => UNSAFE_IN_SCRIPT[character] ?? character);
}

/** What a NewsArticle is made from. */
export interface NewsArticleInput {
  /** The headline. */
  readonly title: string;
  /** The standfirst. */
  readonly summary: string;
  /** When the source published it. */
  readonly date: ContentDate;
  /** When the source last updated it. */
  readonly updated: ContentDate | undefined;
  /** The original byline. */
  readonly authors: readonly string[];
  /** The outlet that first published it. */
  readonly source: { readonly name: string; readonly url: string };
  /** The original article's address. */
  readonly sourceUrl: string | undefined;
  /** Its topics' labels. */
  readonly tags: readonly { readonly label: string }[];
  /** Its language (BCP 47). */
  readonly lang: string;
  /** The absolute address of its lead image. */
  readonly imageUrl: string | undefined;
  /** The absolute address of its page on this site. */
  readonly url: string;
}

/** The site that publishes the copy. */
export interface Publisher {
  /** The site's name. */
  readonly name: string;
  /** The site's home page (absolute). */
  readonly url: string;
}

function organization(name: string, url: string): JsonLdObject {
  return { '@type': 'Organization', name, url };
}

/**
 * NewsArticle JSON-LD for an article page: dates with offsets (a date-only value is the start of that day in
 * `timeZone`), the byline (or the outlet when there is none), this site as publisher, and the original as `isBasedOn`
 * with its outlet as publisher (its `url` only when the original's address is known).
 */
export function newsArticleJsonLd(article: NewsArticleInput, publisher: Publisher, timeZone: string): JsonLdObject {
  const authors =
    article.authors.length > 0
      ? article.authors.map((name): JsonLdObject => ({ '@type': 'Person', name }))
      : [organization(article.source.name, article.source.url)];
  const datePublished = isoDateTime(article.date, timeZone);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': article.url,
    url: article.url,
    mainEntityOfPage: article.url,
    headline: article.title,
    description: article.summary,
    datePublished,
    dateModified: article.updated ? isoDateTime(article.updated, timeZone) : datePublished,
    author: authors,
    ...(article.imageUrl ? { image: [article.imageUrl] } : {}),
    ...(article.tags.length > 0 ? { keywords: article.tags.map((tag) => tag.label) } : {}),
    inLanguage: article.lang,
    publisher: organization(publisher.name, publisher.url),
    isBasedOn: {
      '@type': 'NewsArticle',
      ...(article.sourceUrl ? { url: article.sourceUrl } : {}),
      headline: article.title,
      datePublished,
      publisher: organization(article.source.name, article.source.url),
    },
  };
}
