// RSS 0.9x/2.0 and RSS 1.0 (RDF), as feedsmith reads them, mapped to FeedItems. The two share Dublin Core, the
// content module and Media RSS, so one mapper serves both.
import type { RdfFeed, RssFeed } from 'feedsmith';
import { parseFeedDate } from './dates';
import { imageAttachments, mediaContentImages, mediaThumbnails, pickImage } from './images';
import { distinct, firstText, htmlToPlainText, httpUrl, resolveUrl } from './text';
import type { FeedItem, ParsedFeed } from './types';

type RssItem = RssFeed.Item<string>;
type RdfItem = RdfFeed.Item<string>;

/** xml:base resolved against the address it is relative to; an unreadable xml:base leaves the parent's. */
export function resolveBase(xmlBase: string | undefined, parent: string): string {
  return resolveUrl(xmlBase, parent) ?? parent;
}

function contentFields(encoded: string | undefined, description: string | undefined) {
  // content:encoded is the article; the description is then only its teaser. Without content:encoded, the description
  // is all the feed gives, and RSS allows (entity-encoded) HTML in it.
  const body = firstText(encoded);
  if (body) return { html: body, summary: htmlToPlainText(description) };
  return { html: firstText(description), summary: undefined };
}

function guidUrl(guid: RssItem['guid'], base: string): string | undefined {
  // RSS 2.0: a guid is a permalink unless isPermaLink="false".
  return guid && guid.isPermaLink !== false ? httpUrl(guid.value, base) : undefined;
}

function mapItem(item: RssItem & Partial<RdfItem>, feedBase: string, feedLang: string | undefined): FeedItem {
  const itemBase = item.xml?.base ? resolveBase(item.xml.base, feedBase) : undefined;
  const linkBase = itemBase ?? feedBase;
  const url = httpUrl(item.link, linkBase) ?? guidUrl(item.guid, linkBase);
  const baseUrl = itemBase ?? url ?? feedBase;
  const { html, summary } = contentFields(item.content?.encoded, item.description);
  return {
    id: firstText(item.guid?.value, item.rdf?.about),
    url,
    title: htmlToPlainText(item.title),
    published: parseFeedDate(item.pubDate ?? item.dc?.dates?.[0] ?? item.dcterms?.issued?.[0]),
    updated: parseFeedDate(item.dcterms?.modified?.[0] ?? item.atom?.updated),
    authors: distinct([...(item.authors ?? []).map((person) => person.name), ...(item.dc?.creators ?? [])]),
    html,
    text: undefined,
    summary,
    baseUrl,
    image: pickImage(
      [
        ...mediaContentImages(item.media),
        ...imageAttachments((item.enclosures ?? []).map(({ url, type }) => ({ url, type }))),
        ...mediaThumbnails(item.media),
      ],
      baseUrl,
    ),
    categories: distinct([...(item.categories ?? []).map((category) => category.name), ...(item.dc?.subjects ?? [])]),
    lang: firstText(item.xml?.lang, item.dc?.languages?.[0]) ?? feedLang,
  };
}

/** Maps an RSS 0.9x/2.0 feed read by feedsmith; `feedUrl` is the address it was fetched from. */
export function mapRssFeed(feed: RssFeed.Feed<string>, feedUrl: string): ParsedFeed {
  const feedBase = resolveBase(feed.xml?.base, feedUrl);
  const lang = firstText(feed.language, feed.dc?.languages?.[0], feed.xml?.lang);
  return {
    format: 'rss',
    title: htmlToPlainText(feed.title),
    lang,
    items: (feed.items ?? []).map((item) => mapItem(item, feedBase, lang)),
  };
}

/** Maps an RSS 1.0 (RDF) feed read by feedsmith; `feedUrl` is the address it was fetched from. */
export function mapRdfFeed(feed: RdfFeed.Feed<string>, feedUrl: string): ParsedFeed {
  const feedBase = resolveBase(feed.xml?.base, feedUrl);
  const lang = firstText(feed.dc?.languages?.[0], feed.xml?.lang);
  return {
    format: 'rdf',
    title: htmlToPlainText(feed.title),
    lang,
    items: (feed.items ?? []).map((item) => mapItem(item, feedBase, lang)),
  };
}
