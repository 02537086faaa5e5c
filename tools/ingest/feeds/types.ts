// The contract between the feed reader and intake: every feed format becomes the same list of items, so the rest of
// intake never knows whether a source publishes RSS, RDF, Atom or JSON Feed.
import type { ContentDate } from '../../../src/lib/content-date';

/** The feed formats intake reads. */
export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'json';

/** One entry of a feed, as the feed gives it (untrusted: every field may be missing or odd). */
export interface FeedItem {
  /** The guid (RSS), id (Atom, JSON Feed) or rdf:about, trimmed; absent when the feed gives none. */
  readonly id: string | undefined;
  /** The article's address, absolute (`http:`/`https:` only), resolved against xml:base or the feed's address. */
  readonly url: string | undefined;
  /** The headline as plain text (entities decoded, tags removed). */
  readonly title: string | undefined;
  /** When it was published; a date without an offset keeps only its calendar day. */
  readonly published: ContentDate | undefined;
  /** When it was last updated. */
  readonly updated: ContentDate | undefined;
  /** The byline's names. */
  readonly authors: readonly string[];
  /** The item's HTML (content:encoded, Atom html/xhtml content, content_html), not yet sanitized. */
  readonly html: string | undefined;
  /** The item's plain text, when the feed has no HTML (JSON Feed content_text, Atom text content); blank lines part paragraphs. */
  readonly text: string | undefined;
  /** The short description as plain text (RSS description when content:encoded is the body, Atom summary, JSON Feed summary). */
  readonly summary: string | undefined;
  /** The address relative links and images in `html` are resolved against (xml:base, else the item or feed URL). */
  readonly baseUrl: string | undefined;
  /** The lead image (media:content, enclosure of an image type, JSON Feed image), absolute. */
  readonly image: { readonly src: string; readonly alt: string | undefined } | undefined;
  /** The feed's categories for the item, as written. */
  readonly categories: readonly string[];
  /** The item's language, when the feed says (xml:lang, dc:language, JSON Feed language). */
  readonly lang: string | undefined;
}

/** A whole feed. */
export interface ParsedFeed {
  readonly format: FeedFormat;
  /** The feed's title. */
  readonly title: string | undefined;
  /** The feed's language. */
  readonly lang: string | undefined;
  /** Items in the order the feed lists them. */
  readonly items: readonly FeedItem[];
}

/** A feed that cannot be read; the message says what is wrong in words the source's owner can act on. */
export class FeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedError';
  }
}
