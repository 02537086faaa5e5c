import { XMLParser } from 'fast-xml-parser';

// The elements a feed or OPML file may repeat: parsed as arrays even when there is one, so a test reads the same
// shape whatever the number of items.
const REPEATED = new Set([
  'rss.channel.item',
  'rss.channel.item.dc:creator',
  'rss.channel.item.category',
  'feed.link',
  'feed.entry',
  'feed.entry.author',
  'feed.entry.category',
  'feed.entry.link',
  'opml.body.outline',
]);

/** An XML parser for the site's RSS, Atom and OPML files: attributes as `@name`, text kept as written. */
export const feedXmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (_name, path) => REPEATED.has(String(path)),
});
