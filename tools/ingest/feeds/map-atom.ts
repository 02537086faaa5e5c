// Atom 1.0 (and 0.3, which feedsmith upgrades), as feedsmith reads it, mapped to FeedItems. Atom says what each text
// is (text, html or xhtml) and where relative addresses start (xml:base), so both are honoured here.
import type { AtomFeed } from 'feedsmith';
import { parseFeedDate } from './dates';
import { imageAttachments, mediaContentImages, mediaThumbnails, pickImage } from './images';
import { resolveBase } from './map-rss';
import { collapseWhitespace, distinct, firstText, htmlToPlainText, httpUrl, xhtmlToHtml } from './text';
import type { FeedItem, ParsedFeed } from './types';

type Entry = AtomFeed.Entry<string>;
type TextKind = 'text' | 'html' | 'xhtml' | 'other';

/** RFC 4287 §3.1.1 and §4.1.3: a missing type is text; a media type is read by what it names. */
function textKind(type: string | undefined): TextKind {
  const value = type?.trim().toLowerCase() ?? 'text';
  if (value === 'text' || value === 'text/plain') return 'text';
  if (value === 'html' || value === 'text/html') return 'html';
  if (value === 'xhtml' || value === 'application/xhtml+xml') return 'xhtml';
  return 'other';
}

/** An Atom text construct as plain text: html and xhtml lose their tags, text only its extra whitespace. */
function plainTextOf(construct: AtomFeed.Text | undefined): string | undefined {
  if (!construct) return undefined;
  return textKind(construct.type) === 'text' ? collapseWhitespace(construct.value) : htmlToPlainText(construct.value);
}

/** Body fields from a content or summary construct: HTML for html/xhtml, text for text, nothing for other types. */
function bodyOf(construct: AtomFeed.Content | AtomFeed.Text | undefined): { html?: string; text?: string } {
  const value = firstText(construct?.value);
  if (!construct || !value) return {};
  switch (textKind(construct.type)) {
    // feedsmith has already decoded the entities once, which turns escaped html into the HTML it carries.
    case 'html':
      return { html: value };
    // feedsmith hands back the inner div's children as XML text; HTML parsers read some XML forms differently.
    case 'xhtml':
      return { html: xhtmlToHtml(value) };
    case 'text':
      return { text: value };
    default:
      return {};
  }
}

function alternateLink(entry: Entry, base: string): string | undefined {
  const links = entry.links ?? [];
  const alternate =
    links.find((link) => (link.rel ?? 'alternate') === 'alternate' && /html/i.test(link.type ?? 'text/html')) ??
    links.find((link) => (link.rel ?? 'alternate') === 'alternate');
  return httpUrl(alternate?.href, base);
}

function mapEntry(entry: Entry, feedBase: string, hasFeedBase: boolean, feed: AtomFeed.Feed<string>): FeedItem {
  const entryBase = resolveBase(entry.xml?.base, feedBase);
  const contentBase = resolveBase(entry.content?.xml?.base, entryBase);
  const url = alternateLink(entry, entryBase);
  const declaredBase = hasFeedBase || entry.xml?.base || entry.content?.xml?.base;
  const baseUrl = declaredBase ? contentBase : (url ?? feedBase);
  const content = bodyOf(entry.content);
  // An entry without content often carries the whole story in its summary (RFC 4287 §4.1.1.1 allows either).
  const hasContent = content.html !== undefined || content.text !== undefined;
  const body = hasContent ? content : bodyOf(entry.summary);
  const authors = distinct((entry.authors ?? []).map((person) => person.name));
  return {
    id: firstText(entry.id),
    url,
    title: plainTextOf(entry.title),
    published: parseFeedDate(entry.published ?? entry.dc?.dates?.[0]),
    updated: parseFeedDate(entry.updated),
    // RFC 4287 §4.2.1: an entry without an author has the feed's.
    authors: authors.length > 0 ? authors : distinct((feed.authors ?? []).map((person) => person.name)),
    html: body.html,
    text: body.text,
    summary: hasContent ? plainTextOf(entry.summary) : undefined,
    baseUrl,
    image: pickImage(
      [
        ...mediaContentImages(entry.media),
        ...imageAttachments(
          (entry.links ?? []).filter((link) => link.rel === 'enclosure').map(({ href, type }) => ({ url: href, type })),
        ),
        ...mediaThumbnails(entry.media),
      ],
      entryBase,
    ),
    categories: distinct((entry.categories ?? []).map((category) => category.label ?? category.term)),
    lang: firstText(entry.content?.xml?.lang, entry.xml?.lang, entry.dc?.languages?.[0], feed.xml?.lang),
  };
}

/** Maps an Atom feed read by feedsmith; `feedUrl` is the address it was fetched from. */
export function mapAtomFeed(feed: AtomFeed.Feed<string>, feedUrl: string): ParsedFeed {
  const feedBase = resolveBase(feed.xml?.base, feedUrl);
  const lang = firstText(feed.xml?.lang, feed.dc?.languages?.[0]);
  return {
    format: 'atom',
    title: plainTextOf(feed.title),
    lang,
    items: (feed.entries ?? []).map((entry) => mapEntry(entry, feedBase, Boolean(feed.xml?.base), feed)),
  };
}
