import { describe, expect, it } from 'vitest';
import { contentTypeCharset, decodeFeed, xmlDeclaredEncoding } from '../../../tools/ingest/feeds/decode';
import { parseFeed } from '../../../tools/ingest/feeds/parse-feed';
import { FeedError } from '../../../tools/ingest/feeds/types';

const latin1 = (text: string) => Buffer.from(text, 'latin1');
// "Αθήνα" in ISO-8859-7 and windows-1253 alike.
const ATHENS = Buffer.from([0xc1, 0xe8, 0xde, 0xed, 0xe1]);

function rss(declaration: string, title: Buffer): Uint8Array {
  return Buffer.concat([
    latin1(`${declaration}<rss version="2.0"><channel><title>`),
    title,
    latin1('</title><item><title>x</title><link>https://news.example/a</link></item></channel></rss>'),
  ]);
}

describe('decodeFeed', () => {
  it('reads the XML declaration’s encoding (ISO-8859-7)', () => {
    const decoded = decodeFeed(rss('<?xml version="1.0" encoding="ISO-8859-7"?>', ATHENS));
    expect(decoded).toMatchObject({ charset: 'iso-8859-7', detectedBy: 'xml-declaration' });
    expect(decoded.text).toContain('<title>Αθήνα</title>');
  });

  it('uses the Content-Type charset when the XML declaration names none', () => {
    const decoded = decodeFeed(rss('<?xml version="1.0"?>', ATHENS), 'application/rss+xml; charset="windows-1253"');
    expect(decoded).toMatchObject({ charset: 'windows-1253', detectedBy: 'content-type' });
    expect(decoded.text).toContain('<title>Αθήνα</title>');
  });

  it('lets a byte order mark win over everything else', () => {
    const body = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      rss('<?xml version="1.0" encoding="windows-1252"?>', Buffer.from('Αθήνα')),
    ]);
    const decoded = decodeFeed(body, 'text/xml; charset=iso-8859-7');
    expect(decoded).toMatchObject({ charset: 'utf-8', detectedBy: 'bom' });
    expect(decoded.text.startsWith('<?xml')).toBe(true);
    expect(decoded.text).toContain('<title>Αθήνα</title>');
  });

  it('reads UTF-16 with a byte order mark', () => {
    const text =
      '<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><title>Αθήνα</title></channel></rss>';
    const body = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeFeed(body).text).toBe(text);
  });

  it('reads windows-1252 curly quotes by the declaration', () => {
    const decoded = decodeFeed(rss('<?xml version="1.0" encoding="windows-1252"?>', Buffer.from([0x93, 0x41, 0x94])));
    expect(decoded.text).toContain('<title>“A”</title>');
  });

  it('defaults to UTF-8, and refuses bytes that are not UTF-8 instead of writing replacement characters', () => {
    expect(decodeFeed(rss('', Buffer.from('Αθήνα'))).detectedBy).toBe('default');
    expect(() => decodeFeed(rss('', ATHENS))).toThrow(
      new FeedError('the feed cannot be read as text: it is not valid UTF-8 and does not say which charset it uses.'),
    );
  });

  it('refuses a charset no browser knows', () => {
    expect(() => decodeFeed(rss('<?xml version="1.0" encoding="x-klingon"?>', latin1('a')))).toThrow(
      'the feed cannot be read: it declares the charset "x-klingon", which is not one a browser knows.',
    );
  });

  it('reads the charset labels', () => {
    expect(xmlDeclaredEncoding(latin1("<?xml version='1.0' encoding='Windows-1253' ?><rss/>"))).toBe('windows-1253');
    expect(xmlDeclaredEncoding(latin1('<rss><?xml encoding="koi8-r"?></rss>'))).toBeUndefined();
    expect(contentTypeCharset('application/atom+xml;charset=UTF-8')).toBe('utf-8');
    expect(contentTypeCharset('application/atom+xml')).toBeUndefined();
    expect(contentTypeCharset(undefined)).toBeUndefined();
  });
});

describe('parseFeed and charsets', () => {
  it('reads a JSON Feed in the Content-Type’s charset', () => {
    const json = Buffer.concat([
      latin1('{"version":"https://jsonfeed.org/version/1.1","title":"'),
      ATHENS,
      latin1('","items":[]}'),
    ]);
    const feed = parseFeed(json, {
      url: 'https://news.example/feed.json',
      contentType: 'application/feed+json; charset=iso-8859-7',
    });
    expect(feed).toEqual({ format: 'json', title: 'Αθήνα', lang: undefined, items: [] });
  });
});
