import type { Feed, FeedItem } from '@/lib/feeds/feed';

// JSON Feed 1.1 (https://jsonfeed.org/version/1.1): `external_url` is the original article, `authors` the byline.

/** A JSON Feed 1.1 item, as written. */
export interface JsonFeedItem {
  /** The stable id: the article's address. */
  readonly id: string;
  /** The article's address on this site. */
  readonly url: string;
  /** The original article. */
  readonly external_url: string;
  /** The headline. */
  readonly title: string;
  /** The attribution line and the full body. */
  readonly content_html: string;
  /** The standfirst. */
  readonly summary: string;
  /** The lead image. */
  readonly image?: string;
  /** Published, RFC 3339. */
  readonly date_published: string;
  /** Last modified, RFC 3339. */
  readonly date_modified: string;
  /** The original byline. */
  readonly authors?: readonly { readonly name: string }[];
  /** The topics. */
  readonly tags?: readonly string[];
  /** The item's language. */
  readonly language: string;
}

/** A JSON Feed 1.1 document, as written. */
export interface JsonFeed {
  /** The format version URL. */
  readonly version: 'https://jsonfeed.org/version/1.1';
  /** The feed's title. */
  readonly title: string;
  /** The page it follows. */
  readonly home_page_url: string;
  /** Its own address. */
  readonly feed_url: string;
  /** One line about it. */
  readonly description: string;
  /** The site's language. */
  readonly language: string;
  /** The items, newest first. */
  readonly items: readonly JsonFeedItem[];
}

function jsonItem(item: FeedItem): JsonFeedItem {
  return {
    id: item.id,
    url: item.url,
    external_url: item.externalUrl,
    title: item.title,
    content_html: item.contentHtml,
    summary: item.summary,
    ...(item.imageUrl ? { image: item.imageUrl } : {}),
    date_published: item.published,
    date_modified: item.modified,
    ...(item.authors.length > 0 ? { authors: item.authors.map((name) => ({ name })) } : {}),
    ...(item.tags.length > 0 ? { tags: item.tags.map((tag) => tag.label) } : {}),
    language: item.language,
  };
}

/** The feed as a JSON Feed 1.1 object. */
export function jsonFeed(feed: Feed): JsonFeed {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.homePageUrl,
    feed_url: feed.urls.json,
    description: feed.description,
    language: feed.language,
    items: feed.items.map(jsonItem),
  };
}

/** The feed as a JSON Feed 1.1 document. */
export function renderJsonFeed(feed: Feed): string {
  return `${JSON.stringify(jsonFeed(feed), null, 2)}\n`;
}
