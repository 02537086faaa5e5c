import { getRssString, type RSSFeedItem, type RSSOptions } from '@astrojs/rss';
import type { Feed, FeedItem } from '@/lib/feeds/feed';
import { escapeXml, xmlSafeText } from '@/lib/feeds/xml';

// RSS 2.0 through @astrojs/rss. Its `customData` goes through an XML parser that turns text such as `007` into the
// number 7, so the bylines (dc:creator) go in as placeholders and are written in, escaped, afterwards.

const DUBLIN_CORE = 'http://purl.org/dc/elements/1.1/';
const ATOM = 'http://www.w3.org/2005/Atom';

function creatorPlaceholder(itemIndex: number, authorIndex: number): string {
  return `broadsheet-creator-${itemIndex}-${authorIndex}`;
}

function rssItem(item: FeedItem, itemIndex: number): RSSFeedItem {
  return {
    title: xmlSafeText(item.title),
    link: item.url,
    pubDate: item.publishedInstant,
    description: xmlSafeText(item.summary),
    content: xmlSafeText(item.contentHtml),
    categories: item.tags.map((tag) => xmlSafeText(tag.label)),
    customData: item.authors
      .map((_, authorIndex) => `<dc:creator>${creatorPlaceholder(itemIndex, authorIndex)}</dc:creator>`)
      .join(''),
  };
}

/** The options @astrojs/rss takes for a feed: channel, items (link and guid are the article's address). */
export function rssOptions(feed: Feed): RSSOptions {
  return {
    title: xmlSafeText(feed.title),
    description: xmlSafeText(feed.description),
    site: feed.homePageUrl,
    xmlns: { dc: DUBLIN_CORE, atom: ATOM },
    customData:
      `<language>${escapeXml(feed.language)}</language>` +
      `<atom:link href="${escapeXml(feed.urls.rss)}" rel="self" type="application/rss+xml"/>`,
    items: feed.items.map(rssItem),
  };
}

/** The feed as an RSS 2.0 document. */
export async function renderRss(feed: Feed): Promise<string> {
  const xml = await getRssString(rssOptions(feed));
  return xml.replace(
    /<dc:creator>broadsheet-creator-(\d+)-(\d+)<\/dc:creator>/g,
    (placeholder, item: string, author: string) => {
      const name = feed.items[Number(item)]?.authors[Number(author)];
      return name === undefined ? placeholder : `<dc:creator>${escapeXml(name)}</dc:creator>`;
    },
  );
}
