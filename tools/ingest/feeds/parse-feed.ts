// The feed reader's front door: bytes in, one list of items out, whatever the format. Each step refuses what it
// cannot read with a FeedError that says why, so a source's owner can fix the feed or its address.
import { DetectError, ParseError, parseAtomFeed, parseRdfFeed, parseRssFeed } from 'feedsmith';
import { decodeFeed } from './decode';
import { parseJsonFeed } from './json-feed';
import { mapAtomFeed } from './map-atom';
import { mapRdfFeed, mapRssFeed } from './map-rss';
import { advertisedFeeds, sniffText } from './sniff';
import { FeedError, type ParsedFeed } from './types';
import { assertSafeWellFormedXml } from './xml-safety';

/** Where the bytes came from: the response's Content-Type (for its charset) and the address (to resolve links). */
export interface FeedContext {
  /** The Content-Type header, when the server sent one. */
  readonly contentType?: string | undefined;
  /** The feed's absolute address, after redirects: relative links in the feed are resolved against it. */
  readonly url: string;
}

function notAFeedPage(html: string, url: string): FeedError {
  const feeds = advertisedFeeds(html, url);
  const hint =
    feeds.length === 0
      ? ', and the page does not name one either.'
      : feeds.length === 1
        ? `; its feed may be ${feeds[0]}`
        : `; its feeds may be ${feeds.join(' or ')}`;
  return new FeedError(`the address serves an HTML page, not a feed${hint}`);
}

type XmlFormat = 'rss' | 'rdf' | 'atom';

const FORMAT_NAMES: Readonly<Record<XmlFormat, string>> = { rss: 'RSS', rdf: 'RSS 1.0 (RDF)', atom: 'Atom' };
const REQUIRED: Readonly<Record<XmlFormat, string>> = {
  rss: 'a <channel> with a <title>, <link> or items',
  rdf: 'a <channel> or <item> elements',
  atom: 'a <title>, <id> or <entry> elements',
};

/** The format a root element names: `<rss>`, `<rdf:RDF>` (under any prefix) or `<feed>`. */
function formatOfRoot(root: string | undefined): XmlFormat | undefined {
  const name = root?.toLowerCase() ?? '';
  if (name === 'rss') return 'rss';
  if (name === 'feed') return 'atom';
  if (name === 'rdf' || name.endsWith(':rdf')) return 'rdf';
  return undefined;
}

function parseXmlFeed(xml: string, root: string | undefined, url: string): ParsedFeed {
  const body = assertSafeWellFormedXml(xml);
  // The root element decides the format rather than feedsmith's text search, which would try an XHTML page as each.
  const format = formatOfRoot(root);
  if (!format) {
    throw new FeedError(
      `the address serves XML, but not a feed: its root element is <${root ?? '?'}>, where RSS has <rss>, RSS 1.0 <rdf:RDF> and Atom <feed>.`,
    );
  }
  try {
    if (format === 'rss') return mapRssFeed(parseRssFeed(body), url);
    if (format === 'atom') return mapAtomFeed(parseAtomFeed(body), url);
    return mapRdfFeed(parseRdfFeed(body), url);
  } catch (error) {
    if (error instanceof FeedError) throw error;
    // feedsmith's own messages ("Invalid feed format") say less than what each of its errors means.
    const reason =
      error instanceof DetectError || error instanceof ParseError
        ? `it has none of the elements ${FORMAT_NAMES[format]} requires (${REQUIRED[format]})`
        : `its XML could not be parsed (${error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error)})`;
    throw new FeedError(`the feed could not be read as ${FORMAT_NAMES[format]}: ${reason}.`);
  }
}

/**
 * Reads a feed's bytes into one list of items: RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 1.0 or JSON Feed 1.0/1.1. The bytes
 * are decoded by their own charset, XML is checked to be well-formed and free of entity declarations before it is
 * parsed, and JSON Feed is checked field by field. Throws a FeedError saying what is wrong for anything else (an empty
 * response, an HTML page, malformed XML, a DOCTYPE with entities, a JSON Feed with fields of the wrong type).
 */
export function parseFeed(bytes: Uint8Array, context: FeedContext): ParsedFeed {
  if (bytes.length === 0) throw new FeedError('the address returned an empty response, not a feed.');
  const { text } = decodeFeed(bytes, context.contentType);
  const sniffed = sniffText(text);
  switch (sniffed.kind) {
    case 'empty':
      throw new FeedError('the address returned only whitespace, not a feed.');
    case 'json':
      return parseJsonFeed(text, context.url);
    case 'html':
      throw notAFeedPage(text, context.url);
    case 'xml':
      return parseXmlFeed(text, sniffed.root, context.url);
    case 'unknown':
      throw new FeedError(
        'the address serves something that is neither XML nor JSON, so it is not an RSS, Atom or JSON Feed.',
      );
  }
}
