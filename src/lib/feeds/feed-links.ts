import { FEED_FILES, type FeedFormat, type FeedScope, feedPath, frontPagePath, sourcePath, tagPath } from '@/lib/urls';

// Which feeds a page announces with <link rel="alternate">, and how the /feeds/ page lists them.

/** The media type of each feed format. */
export const FEED_MEDIA_TYPES: Readonly<Record<FeedFormat, string>> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};

/** The name of each format, as readers know it. */
export const FEED_FORMAT_NAMES: Readonly<Record<FeedFormat, string>> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' };

/** One feed a page links to. */
export interface FeedLink {
  /** The feed's address (base-relative path). */
  readonly href: string;
  /** Its media type. */
  readonly type: string;
  /** What feed readers show, such as `Athens News (RSS)`. */
  readonly title: string;
  /** Its format. */
  readonly format: FeedFormat;
}

const FORMATS = Object.keys(FEED_FILES) as FeedFormat[];

/** The three feeds (RSS, Atom, JSON Feed) of one scope, named after `name`. */
export function feedLinks(base: string, scope: FeedScope, name: string): FeedLink[] {
  return FORMATS.map((format) => ({
    href: feedPath(base, scope, format),
    type: FEED_MEDIA_TYPES[format],
    title: `${name} (${FEED_FORMAT_NAMES[format]})`,
    format,
  }));
}

/** One row of the /feeds/ page: a page and its three feeds. */
export interface FeedDirectoryEntry {
  /** The name of what the feeds follow. */
  readonly name: string;
  /** The page they follow. */
  readonly page: string;
  /** Its feeds. */
  readonly links: readonly FeedLink[];
}

/** Everything the /feeds/ page lists: the whole site's feeds, each source's, each topic's. */
export interface FeedDirectory {
  /** The whole site. */
  readonly site: FeedDirectoryEntry;
  /** Each source, in the order given. */
  readonly sources: readonly FeedDirectoryEntry[];
  /** Each topic, in the order given. */
  readonly topics: readonly FeedDirectoryEntry[];
}

/** The /feeds/ page's listing for a site with these sources and topics. */
export function feedDirectory(
  base: string,
  siteTitle: string,
  sources: readonly { readonly id: string; readonly name: string }[],
  topics: readonly { readonly slug: string; readonly label: string }[],
): FeedDirectory {
  return {
    site: { name: siteTitle, page: frontPagePath(base), links: feedLinks(base, { kind: 'site' }, siteTitle) },
    sources: sources.map((source) => ({
      name: source.name,
      page: sourcePath(base, source.id),
      links: feedLinks(base, { kind: 'source', id: source.id }, source.name),
    })),
    topics: topics.map((topic) => ({
      name: topic.label,
      page: tagPath(base, topic.slug),
      links: feedLinks(base, { kind: 'tag', slug: topic.slug }, topic.label),
    })),
  };
}
