// Feeds are bytes until their charset is known. fast-xml-parser and JSON.parse take strings, so the reader decodes
// first, in XML's own order of precedence: byte order mark, then the XML declaration, then the HTTP header.
import { FeedError } from './types';

/** A feed's text and the charset it was read with. */
export interface DecodedFeed {
  /** The text, without a byte order mark. */
  readonly text: string;
  /** The WHATWG name of the charset used (`utf-8`, `windows-1253`, ...). */
  readonly charset: string;
  /** Where the charset came from. */
  readonly detectedBy: 'bom' | 'xml-declaration' | 'content-type' | 'default';
}

// An XML declaration must be the very first thing in the file, so a short look is enough.
const DECLARATION_SCAN_BYTES = 1024;

function byteOrderMark(bytes: Uint8Array): { charset: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  return undefined;
}

/** The `encoding="…"` of the XML declaration, read from bytes that are ASCII-compatible up to the declaration's end. */
export function xmlDeclaredEncoding(bytes: Uint8Array): string | undefined {
  // latin1 maps every byte to one code unit, so the ASCII declaration can be read before the real charset is known.
  const head = Buffer.from(bytes.subarray(0, DECLARATION_SCAN_BYTES)).toString('latin1');
  const declaration = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']\s*([A-Za-z0-9._:-]+)\s*["']/.exec(head);
  return declaration?.[1]?.toLowerCase();
}

/** The `charset` parameter of a Content-Type header (`application/rss+xml; charset=ISO-8859-7`). */
export function contentTypeCharset(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType ?? '');
  return match?.[1]?.toLowerCase();
}

function decoderFor(label: string): TextDecoder | undefined {
  try {
    const decoder = new TextDecoder(label, { fatal: true, ignoreBOM: true });
    // WHATWG maps a few labels (iso-2022-kr, hz-gb-2312) to a decoder that only ever yields an error.
    return decoder.encoding === 'replacement' ? undefined : decoder;
  } catch {
    return undefined;
  }
}

/**
 * Decodes a feed's bytes: the charset comes from a byte order mark, else the XML declaration's `encoding`, else the
 * Content-Type's `charset`, else UTF-8. Bytes the charset cannot read are an error rather than replacement characters
 * in an article.
 */
export function decodeFeed(bytes: Uint8Array, contentType?: string): DecodedFeed {
  const bom = byteOrderMark(bytes);
  let label = 'utf-8';
  let detectedBy: DecodedFeed['detectedBy'] = 'default';
  if (bom) {
    label = bom.charset;
    detectedBy = 'bom';
  } else {
    // A UTF-16 declaration that could be read as ASCII is wrong about itself: real UTF-16 starts with a BOM or NULs.
    const declared = xmlDeclaredEncoding(bytes);
    const header = contentTypeCharset(contentType);
    if (declared && !/^utf-?16/.test(declared)) {
      label = declared;
      detectedBy = 'xml-declaration';
    } else if (header && !/^utf-?16/.test(header)) {
      label = header;
      detectedBy = 'content-type';
    }
  }
  const decoder = decoderFor(label);
  if (!decoder) {
    const where = detectedBy === 'content-type' ? 'its Content-Type header names' : 'it declares';
    throw new FeedError(`the feed cannot be read: ${where} the charset "${label}", which is not one a browser knows.`);
  }
  try {
    const text = decoder.decode(bom ? bytes.subarray(bom.length) : bytes);
    return { text, charset: decoder.encoding, detectedBy };
  } catch {
    const reason =
      detectedBy === 'default'
        ? 'it is not valid UTF-8 and does not say which charset it uses'
        : `it contains bytes that are not valid ${decoder.encoding}, the charset it was read as`;
    throw new FeedError(`the feed cannot be read as text: ${reason}.`);
  }
}
