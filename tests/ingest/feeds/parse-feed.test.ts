import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../tools/ingest/feeds/parse-feed';
import { FeedError } from '../../../tools/ingest/feeds/types';
import { feedErrorOf, fixtureBytes, parseFixture, utf8 } from './fixtures';

const at = (iso: string) => ({ iso, dateOnly: false });
const day = (iso: string) => ({ iso, dateOnly: true });

describe('RSS 2.0 with content:encoded (rss2-content-encoded.xml)', () => {
  const feed = parseFixture('rss2-content-encoded.xml', 'https://www.news.example/feed/');

  it('reads the channel', () => {
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('Harbour Times – Latest news');
    expect(feed.lang).toBe('en-GB');
    expect(feed.items).toHaveLength(3);
  });

  it('maps the first item field by field', () => {
    const [item] = feed.items;
    expect(item).toMatchObject({
      id: 'https://www.news.example/?p=48213',
      url: 'https://www.news.example/2024/04/19/tram-line-to-the-port/',
      title: 'City council approves new tram line to the port',
      published: at('2024-04-19T09:30:00+03:00'),
      updated: undefined,
      authors: ['Maria Papadaki'],
      text: undefined,
      summary: 'The council voted 31 to 9 for a tram line linking the old town with the container port.',
      baseUrl: 'https://www.news.example/2024/04/19/tram-line-to-the-port/',
      image: {
        src: 'https://cdn.news.example/images/2024/04/tram-lead.jpg',
        alt: 'A tram on a test run along the harbour front',
      },
      categories: ['City', 'Transport'],
      lang: 'en-GB',
    });
  });

  it('keeps content:encoded as the HTML, with its paragraph, link and image', () => {
    const html = feed.items[0]?.html ?? '';
    expect(html).toMatch(/^<p>The city council voted 31 to 9/);
    expect(html).toContain('<a href="https://www.news.example/documents/tram-plan-2024.pdf">');
    expect(html).toContain('<img src="https://cdn.news.example/images/2024/04/tram-route.jpg"');
    for (const item of feed.items) expect(item.html?.replace(/<[^>]+>/g, '').length).toBeGreaterThanOrEqual(200);
  });

  it('takes an enclosure of an image type as the lead image, and leaves an item without one imageless', () => {
    expect(feed.items[1]?.image).toEqual({
      src: 'https://cdn.news.example/images/2024/04/ferry-lead.jpg',
      alt: undefined,
    });
    expect(feed.items[2]?.image).toBeUndefined();
  });

  it('decodes entities in titles and keeps every offset', () => {
    expect(feed.items.map((item) => item.title)).toEqual([
      'City council approves new tram line to the port',
      'Ferry strike called off after overnight talks',
      'Museum returns ancient coins found in a farmer’s field',
    ]);
    expect(feed.items.map((item) => item.published)).toEqual([
      at('2024-04-19T09:30:00+03:00'),
      at('2024-04-18T17:05:00+03:00'),
      at('2024-04-18T08:15:00+00:00'),
    ]);
  });
});

describe('RSS 1.0 / RDF (rss1-rdf.xml)', () => {
  const feed = parseFixture('rss1-rdf.xml', 'https://science.news.example/rss');

  it('reads rdf:about as the id, Dublin Core dates, creators, subjects and language', () => {
    expect(feed.format).toBe('rdf');
    expect(feed.title).toBe('Science Desk');
    expect(feed.lang).toBe('en');
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]).toMatchObject({
      id: 'https://science.news.example/articles/glacier-retreat-2024',
      url: 'https://science.news.example/articles/glacier-retreat-2024',
      title: 'Alpine glaciers lost a tenth of their ice in two summers',
      published: at('2024-04-17T14:00:00+02:00'),
      authors: ['Thomas Keller'],
      summary: 'Measurements from 176 glaciers show the fastest loss since records began.',
      categories: ['Climate'],
      lang: 'en',
    });
    expect(feed.items[0]?.html).toContain('<img src="https://science.news.example/media/glacier-2024.jpg"');
  });

  it('keeps a dc:date without a time as a calendar day', () => {
    expect(feed.items[1]?.published).toEqual(day('2024-04-16'));
  });
});

describe('Atom with html content and xml:base (atom-html.xml)', () => {
  const feed = parseFixture('atom-html.xml', 'https://world.news.example/feeds/all.atom');
  const [first, second] = feed.items;

  it('reads the feed', () => {
    expect(feed.format).toBe('atom');
    expect(feed.title).toBe('World Report');
    expect(feed.lang).toBe('en');
  });

  it('resolves links against the feed xml:base and sets it as the base of the HTML', () => {
    expect(first).toMatchObject({
      id: 'tag:world.news.example,2024:entry-9921',
      url: 'https://world.news.example/2024/04/19/recount-confirms-result',
      baseUrl: 'https://world.news.example/',
      image: { src: 'https://world.news.example/media/2024/04/recount.jpg', alt: undefined },
    });
  });

  it('resolves against an entry xml:base, which overrides the feed one', () => {
    expect(second).toMatchObject({
      url: 'https://world.news.example/asia/2024/04/18/monsoon-forecast',
      baseUrl: 'https://world.news.example/asia/',
      image: { src: 'https://cdn.news.example/asia/monsoon-thumb.jpg', alt: undefined },
    });
    // The relative image in the HTML stays relative: the caller resolves it against baseUrl.
    expect(new URL('images/paddy-fields.jpg', second?.baseUrl).href).toBe(
      'https://world.news.example/asia/images/paddy-fields.jpg',
    );
  });

  it('decodes entity-encoded html content and titles', () => {
    expect(first?.title).toBe('Election result confirmed after recount & appeal');
    expect(first?.html).toMatch(/^<p>The electoral commission confirmed/);
    expect(first?.html).toContain('<a href="2024/03/24/election-night">election night coverage</a>');
    expect(first?.html).not.toContain('&lt;');
  });

  it('reads published with its offset, updated in UTC, authors, category labels (else terms) and the summary', () => {
    expect(first).toMatchObject({
      published: at('2024-04-19T07:45:00+02:00'),
      updated: at('2024-04-19T08:00:00+00:00'),
      authors: ['Anna Lindqvist'],
      categories: ['Europe', 'elections'],
      summary: 'The electoral commission confirmed the result after a two-week recount.',
      text: undefined,
      lang: 'en',
    });
  });
});

describe('Atom with xhtml and text content (atom-xhtml.xml)', () => {
  const feed = parseFixture('atom-xhtml.xml', 'https://tech.news.example/feed.atom');
  const [xhtml, text] = feed.items;

  it('serializes the xhtml div’s children as HTML', () => {
    const html = xhtml?.html ?? '';
    expect(html).toMatch(/^<p>Repair crews finished splicing/);
    expect(html).not.toContain('<div');
    expect(html).not.toContain('xmlns');
    expect(html).toContain('<a href="../outage-explained">how the outage happened</a> &amp; what changes next.<br>');
    expect(html).toContain('<img src="splice.jpg" alt="A technician splicing fibre on the repair ship">');
  });

  it('takes the content xml:base as the HTML base, and the entry xml:base for the link', () => {
    expect(xhtml).toMatchObject({
      url: 'https://tech.news.example/2024/04/undersea-cable-repaired',
      baseUrl: 'https://tech.news.example/2024/04/cable/',
    });
    expect(new URL('../outage-explained', xhtml?.baseUrl).href).toBe(
      'https://tech.news.example/2024/04/outage-explained',
    );
  });

  it('reads an xhtml title as plain text and lets an entry without authors inherit the feed’s', () => {
    expect(xhtml?.title).toBe('Undersea cable repaired & back in service');
    expect(xhtml?.authors).toEqual(['Tech Notes desk']);
    expect(xhtml?.lang).toBe('en-GB');
  });

  it('reads text content as text, not HTML, and an entry without published as undated', () => {
    expect(text).toMatchObject({
      id: 'https://tech.news.example/2024/04/chip-plant-second-line',
      html: undefined,
      published: undefined,
      updated: at('2024-04-18T16:00:00+01:00'),
      authors: ['Jonas Weber'],
      baseUrl: 'https://tech.news.example/2024/04/chip-plant-second-line',
    });
    expect(text?.text).toMatch(/^The chip plant on the edge of the industrial zone/);
  });
});

describe('JSON Feed 1.1 (json-feed-1.1.json)', () => {
  const feed = parseFixture('json-feed-1.1.json', 'https://longreads.news.example/feed.json', 'application/feed+json');
  const [first, second] = feed.items;

  it('maps content_text, summary, image, authors, tags, language and dates', () => {
    expect(feed).toMatchObject({ format: 'json', title: 'Weekend Long Reads', lang: 'en-US' });
    expect(first).toMatchObject({
      id: 'lr-2024-0419',
      url: 'https://longreads.news.example/2024/04/19/lighthouse-keepers',
      title: 'The last lighthouse keepers',
      published: at('2024-04-19T06:00:00-04:00'),
      updated: at('2024-04-19T08:30:00-04:00'),
      authors: ['Claire Dubois', 'Sam Okafor'],
      html: undefined,
      summary: 'Three people who grew up at the northern cape lighthouse remember.',
      image: { src: 'https://longreads.news.example/images/lighthouse.jpg', alt: undefined },
      categories: ['Features', 'Coast'],
      lang: 'en-US',
    });
  });

  it('keeps the paragraphs of content_text', () => {
    expect(first?.text).toContain('sound of the foghorn.\n\nThe lighthouse is now a museum');
  });

  it('coerces a numeric id to text, resolves a relative url and keeps a date without time as a day', () => {
    expect(second).toMatchObject({
      id: '20240412',
      url: 'https://longreads.news.example/2024/04/12/night-trains',
      published: day('2024-04-12'),
      image: undefined,
      lang: 'en-US',
    });
  });
});

describe('charsets (greek-windows-1253.xml)', () => {
  it('decodes windows-1253 bytes by the XML declaration', () => {
    const bytes = fixtureBytes('greek-windows-1253.xml');
    // The fixture really is windows-1253: "Ν" is one byte, 0xCD, not UTF-8's two.
    expect(Buffer.from(bytes).includes(Buffer.from('Νέα', 'utf8'))).toBe(false);
    const feed = parseFeed(bytes, { url: 'https://voreia.news.example/rss', contentType: 'application/rss+xml' });
    expect(feed.title).toBe('Ειδήσεις Βορρά');
    expect(feed.lang).toBe('el');
    expect(feed.items[0]).toMatchObject({
      title: '«Νέα γέφυρα στη Θεσσαλονίκη»',
      published: at('2024-04-19T11:45:00+03:00'),
      categories: ['Πόλη'],
    });
    expect(feed.items[0]?.html).toContain('Το δημοτικό συμβούλιο ενέκρινε την κατασκευή νέας πεζογέφυρας');
    expect(feed.items[0]?.html).toContain('alt="Σχέδιο της νέας γέφυρας"');
  });

  it('lets the XML declaration win over a Content-Type charset that disagrees', () => {
    const feed = parseFeed(fixtureBytes('greek-windows-1253.xml'), {
      url: 'https://voreia.news.example/rss',
      contentType: 'text/xml; charset=ISO-8859-1',
    });
    expect(feed.items[0]?.title).toBe('«Νέα γέφυρα στη Θεσσαλονίκη»');
  });
});

describe('items without dates (no-dates.xml)', () => {
  it('leaves a missing or unreadable pubDate undefined and still reads the item', () => {
    const feed = parseFixture('no-dates.xml', 'https://gazette.news.example/rss');
    expect(feed.items.map((item) => [item.title, item.published, item.updated])).toEqual([
      ['Mountain road reopens after rockfall', undefined, undefined],
      ['School choir wins regional prize', undefined, undefined],
    ]);
    // With no content:encoded, the description is the HTML and there is no separate summary.
    expect(feed.items[0]?.html).toMatch(/^<p>The mountain road between the two upper villages/);
    expect(feed.items[0]?.summary).toBeUndefined();
    expect(feed.lang).toBeUndefined();
    expect(feed.items[0]?.lang).toBeUndefined();
  });
});

describe('duplicates (duplicates.xml)', () => {
  it('keeps every item in feed order, with the repeated guid and link as written, for intake to deduplicate', () => {
    const feed = parseFixture('duplicates.xml', 'https://markets.news.example/rss');
    expect(feed.items.map((item) => [item.id, item.url])).toEqual([
      ['markets-7781', 'https://markets.news.example/2024/04/18/rates-on-hold'],
      ['markets-7781', 'https://markets.news.example/2024/04/18/rates-on-hold-updated'],
      ['markets-7785', 'https://markets.news.example/2024/04/18/rates-on-hold'],
    ]);
  });
});

describe('refused input', () => {
  it('names the line and column of malformed XML (malformed.xml)', () => {
    const error = feedErrorOf(() => parseFixture('malformed.xml', 'https://broken.news.example/rss'));
    expect(error.message).toBe(
      "the feed is not well-formed XML (line 7, column 35): Expected closing tag 'title' (opened in line 7, col 7) instead of closing tag 'titel'.",
    );
  });

  it('refuses an XXE feed without reading or leaking the file (xxe.xml)', () => {
    let leaked = '';
    try {
      leaked = JSON.stringify(parseFixture('xxe.xml', 'https://evil.news.example/rss'));
    } catch (error) {
      expect(error).toBeInstanceOf(FeedError);
      leaked = `${(error as Error).message} ${(error as Error).stack ?? ''}`;
      expect((error as Error).message).toContain('declares entities in a DOCTYPE; feeds never need them');
    }
    expect(leaked).not.toContain('root:');
    expect(leaked).not.toContain('/bin/');
  });

  it('refuses a billion-laughs feed without expanding it (billion-laughs.xml)', () => {
    const error = feedErrorOf(() => parseFixture('billion-laughs.xml', 'https://lol.news.example/rss'));
    expect(error.message).toContain('declares entities in a DOCTYPE; feeds never need them');
    expect(error.message.length).toBeLessThan(300);
    expect(error.message).not.toContain('lollol');
  });

  it('says an HTML page is not a feed and names the feeds it advertises (html-page.html)', () => {
    const error = feedErrorOf(() => parseFixture('html-page.html', 'https://www.news.example/', 'text/html'));
    expect(error.message).toBe(
      'the address serves an HTML page, not a feed; its feeds may be https://www.news.example/feed/latest.xml or https://www.news.example/opinion/feed.atom',
    );
  });

  it('says so when an HTML page advertises one feed, or none', () => {
    const one = '<!doctype html><head><link rel="alternate" type="application/atom+xml" href="atom.xml"></head>';
    expect(feedErrorOf(() => parseFeed(utf8(one), { url: 'https://news.example/world/' })).message).toBe(
      'the address serves an HTML page, not a feed; its feed may be https://news.example/world/atom.xml',
    );
    const none = '<html><head><title>Home</title></head><body><p>News</p></body></html>';
    expect(feedErrorOf(() => parseFeed(utf8(none), { url: 'https://news.example/' })).message).toBe(
      'the address serves an HTML page, not a feed, and the page does not name one either.',
    );
  });

  it('names every JSON Feed field of the wrong type by its path (json-feed-wrong-types.json)', () => {
    const error = feedErrorOf(() =>
      parseFixture('json-feed-wrong-types.json', 'https://broken-json.news.example/feed.json'),
    );
    expect(error.message).toBe(
      'the JSON Feed has fields of the wrong type: title should be text, not a number; items[0].id is missing; items[1].tags should be a list, not text.',
    );
  });

  it('refuses empty and whitespace-only responses', () => {
    expect(feedErrorOf(() => parseFeed(new Uint8Array(), { url: 'https://news.example/feed' })).message).toBe(
      'the address returned an empty response, not a feed.',
    );
    expect(feedErrorOf(() => parseFeed(utf8(' \n\t'), { url: 'https://news.example/feed' })).message).toBe(
      'the address returned only whitespace, not a feed.',
    );
  });

  it('refuses XML that is not a feed, and text that is neither XML nor JSON', () => {
    expect(
      feedErrorOf(() =>
        parseFeed(utf8('<?xml version="1.0"?><opml version="2.0"/>'), { url: 'https://news.example/x' }),
      ).message,
    ).toBe(
      'the address serves XML, but not a feed: its root element is <opml>, where RSS has <rss>, RSS 1.0 <rdf:RDF> and Atom <feed>.',
    );
    expect(feedErrorOf(() => parseFeed(utf8('Service unavailable'), { url: 'https://news.example/x' })).message).toBe(
      'the address serves something that is neither XML nor JSON, so it is not an RSS, Atom or JSON Feed.',
    );
  });
});
