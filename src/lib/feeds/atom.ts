import type { Feed, FeedItem } from '@/lib/feeds/feed';
import { escapeXml } from '@/lib/feeds/xml';

// Atom 1.0 (RFC 4287). Every entry has an author: the original byline, or the outlet when there is none, so the
// feed needs no feed-level author. The original article is the entry's `via` link.

function element(name: string, text: string, attributes = ''): string {
  return `<${name}${attributes}>${escapeXml(text)}</${name}>`;
}

function link(href: string, rel: string, type?: string): string {
  return `<link rel="${rel}"${type ? ` type="${type}"` : ''} href="${escapeXml(href)}"/>`;
}

function entry(item: FeedItem): string {
  const authors = item.authors.length > 0 ? item.authors : [item.sourceName];
  return [
    `<entry xml:lang="${escapeXml(item.language)}">`,
    element('id', item.id),
    element('title', item.title, ' type="text"'),
    link(item.url, 'alternate', 'text/html'),
    link(item.externalUrl, 'via', 'text/html'),
    element('published', item.published),
    element('updated', item.modified),
    ...authors.map((name) => `<author>${element('name', name)}</author>`),
    ...item.tags.map(
      (tag) =>
        `<category term="${escapeXml(tag.label)}" scheme="${escapeXml(tag.url)}" label="${escapeXml(tag.label)}"/>`,
    ),
    ...(item.imageUrl ? [`<link rel="enclosure" href="${escapeXml(item.imageUrl)}"/>`] : []),
    element('summary', item.summary, ' type="text"'),
    element('content', item.contentHtml, ' type="html"'),
    '</entry>',
  ].join('\n');
}

/** The feed as an Atom 1.0 document; its id is its own address. */
export function renderAtom(feed: Feed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.language)}">`,
    element('id', feed.urls.atom),
    element('title', feed.title, ' type="text"'),
    element('subtitle', feed.description, ' type="text"'),
    element('updated', feed.updated),
    link(feed.urls.atom, 'self', 'application/atom+xml'),
    link(feed.homePageUrl, 'alternate', 'text/html'),
    ...feed.items.map(entry),
    '</feed>',
    '',
  ].join('\n');
}
