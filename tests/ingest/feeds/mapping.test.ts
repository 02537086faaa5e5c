import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../tools/ingest/feeds/parse-feed';
import { feedErrorOf, utf8 } from './fixtures';

function rss(items: string, channelAttributes = ''): Uint8Array {
  return utf8(`<?xml version="1.0"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel${channelAttributes}><title>T</title><link>https://news.example/</link><description>D</description>${items}</channel></rss>`);
}

function atom(entries: string): Uint8Array {
  return utf8(
    `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>x</id>${entries}</feed>`,
  );
}

const url = 'https://news.example/feed.xml';

describe('RSS mapping', () => {
  it('resolves item links against xml:base and uses it as the HTML base', () => {
    const feed = parseFeed(
      rss(
        '<item xml:base="/2024/"><title>A</title><link>a-story</link><description>&lt;p&gt;x&lt;/p&gt;</description></item>',
      ),
      { url },
    );
    expect(feed.items[0]).toMatchObject({
      url: 'https://news.example/2024/a-story',
      baseUrl: 'https://news.example/2024/',
    });
  });

  it('resolves relative links against the feed address when there is no xml:base', () => {
    const feed = parseFeed(rss('<item><title>A</title><link>/world/a</link></item>'), { url });
    expect(feed.items[0]).toMatchObject({
      url: 'https://news.example/world/a',
      baseUrl: 'https://news.example/world/a',
    });
  });

  it('keeps only http(s) addresses for the link and the image', () => {
    const feed = parseFeed(
      rss(`<item><title>A</title><link>javascript:alert(1)</link>
        <enclosure url="data:image/png;base64,AAAA" type="image/png" length="4"/>
        <media:content url="file:///etc/passwd" medium="image"/></item>`),
      { url },
    );
    expect(feed.items[0]).toMatchObject({ url: undefined, image: undefined, baseUrl: url });
  });

  it('falls back to a permalink guid for the link, but never to an isPermaLink="false" one', () => {
    const feed = parseFeed(
      rss(`<item><title>A</title><guid>https://news.example/a</guid></item>
           <item><title>B</title><guid isPermaLink="false">https://news.example/?p=2</guid></item>`),
      { url },
    );
    expect(feed.items.map((item) => [item.id, item.url])).toEqual([
      ['https://news.example/a', 'https://news.example/a'],
      ['https://news.example/?p=2', undefined],
    ]);
  });

  it('reads the image inside media:group, and ignores media that is not an image', () => {
    const feed = parseFeed(
      rss(`<item><title>A</title>
        <media:content url="https://cdn.news.example/clip.mp4" medium="video"/>
        <media:group><media:content url="https://cdn.news.example/big.jpg" type="image/jpeg"><media:title>Harbour at dusk</media:title></media:content></media:group>
      </item>`),
      { url },
    );
    expect(feed.items[0]?.image).toEqual({ src: 'https://cdn.news.example/big.jpg', alt: 'Harbour at dusk' });
  });

  it('prefers media:content, then an image enclosure, then media:thumbnail', () => {
    const feed = parseFeed(
      rss(`<item><title>A</title>
        <media:thumbnail url="https://cdn.news.example/thumb.jpg"/>
        <enclosure url="https://cdn.news.example/enclosure.jpg" type="image/jpeg" length="1"/>
      </item>`),
      { url },
    );
    expect(feed.items[0]?.image?.src).toBe('https://cdn.news.example/enclosure.jpg');
  });

  it('reads the author element’s name and dc:creator, without repeats', () => {
    const feed = parseFeed(
      rss(
        '<item><title>A</title><author>jane@news.example (Jane Roe)</author><dc:creator>Jane Roe</dc:creator><dc:creator>Sam Poe</dc:creator></item>',
      ),
      { url },
    );
    expect(feed.items[0]?.authors).toEqual(['Jane Roe', 'Sam Poe']);
  });

  it('reads the channel language into every item, and an item’s dc:language over it', () => {
    const feed = parseFeed(
      rss(
        '<language>el</language><item><title>A</title></item><item><title>B</title><dc:language>en</dc:language></item>',
      ),
      { url },
    );
    expect([feed.lang, ...feed.items.map((item) => item.lang)]).toEqual(['el', 'el', 'en']);
  });

  it('collapses whitespace and strips tags in titles, including entity-encoded tags', () => {
    const feed = parseFeed(rss('<item><title>  Q&amp;amp;A:\n  the &lt;b&gt;budget&lt;/b&gt;  </title></item>'), {
      url,
    });
    expect(feed.items[0]?.title).toBe('Q&A: the budget');
  });
});

describe('Atom mapping', () => {
  it('reads an html summary as the HTML when there is no content', () => {
    const feed = parseFeed(
      atom(
        '<entry><id>1</id><title>A</title><link href="https://news.example/a"/><summary type="html">&lt;p&gt;Whole story&lt;/p&gt;</summary></entry>',
      ),
      { url },
    );
    expect(feed.items[0]).toMatchObject({ html: '<p>Whole story</p>', summary: undefined, text: undefined });
  });

  it('reads a text summary as the text when there is no content, and a text title literally', () => {
    const feed = parseFeed(
      atom('<entry><id>1</id><title type="text">5 &lt; 6</title><summary>Plain story</summary></entry>'),
      { url },
    );
    expect(feed.items[0]).toMatchObject({ title: '5 < 6', text: 'Plain story', html: undefined });
  });

  it('reads MIME-typed content, ignores out-of-line and binary content', () => {
    const feed = parseFeed(
      atom(`<entry><id>1</id><title>A</title><content type="text/html">&lt;p&gt;x&lt;/p&gt;</content></entry>
            <entry><id>2</id><title>B</title><content type="image/png">iVBORw0KGgo=</content></entry>
            <entry><id>3</id><title>C</title><content src="https://news.example/c" type="text/html"/></entry>`),
      { url },
    );
    expect(feed.items.map((item) => item.html)).toEqual(['<p>x</p>', undefined, undefined]);
  });

  it('picks the alternate link over self and enclosure links', () => {
    const feed = parseFeed(
      atom(`<entry><id>1</id><title>A</title>
        <link rel="self" href="https://news.example/api/1"/>
        <link rel="enclosure" type="image/png" href="https://cdn.news.example/1.png"/>
        <link rel="alternate" type="text/html" href="https://news.example/1"/></entry>`),
      { url },
    );
    expect(feed.items[0]).toMatchObject({
      url: 'https://news.example/1',
      image: { src: 'https://cdn.news.example/1.png', alt: undefined },
    });
  });
});

describe('JSON Feed mapping and validation', () => {
  const json = (value: unknown) => utf8(JSON.stringify(value));
  const version = 'https://jsonfeed.org/version/1.1';

  it('reads JSON Feed 1.0’s single author, content_html over content_text, banner_image, and nulls as absent', () => {
    const feed = parseFeed(
      json({
        version: 'https://jsonfeed.org/version/1',
        title: 'T',
        author: { name: 'Desk' },
        items: [
          {
            id: 'a',
            url: 'https://news.example/a',
            title: null,
            content_html: '<p>Story</p>',
            content_text: 'Story',
            summary: null,
            banner_image: 'https://cdn.news.example/wide.jpg',
            author: { name: 'Ann Lee' },
          },
          { id: 'b', external_url: 'https://other.example/b', content_text: 'Linked' },
        ],
      }),
      { url: 'https://news.example/feed.json' },
    );
    expect(feed.items[0]).toMatchObject({
      title: undefined,
      html: '<p>Story</p>',
      text: undefined,
      summary: undefined,
      authors: ['Ann Lee'],
      image: { src: 'https://cdn.news.example/wide.jpg', alt: undefined },
    });
    expect(feed.items[1]).toMatchObject({ url: 'https://other.example/b', authors: ['Desk'], text: 'Linked' });
  });

  it('names items when they are not a list', () => {
    expect(feedErrorOf(() => parseFeed(json({ version, title: 'T', items: { id: 1 } }), { url })).message).toBe(
      'the JSON Feed has fields of the wrong type: items should be a list, not an object.',
    );
  });

  it('lists five problems and counts the rest', () => {
    const items = Array.from({ length: 8 }, () => ({ title: 'no id' }));
    expect(feedErrorOf(() => parseFeed(json({ version, title: 'T', items }), { url })).message).toBe(
      'the JSON Feed has fields of the wrong type: items[0].id is missing; items[1].id is missing; items[2].id is missing; items[3].id is missing; items[4].id is missing; and 3 more.',
    );
  });

  it('refuses JSON that is not a JSON Feed, and text that is not JSON', () => {
    expect(feedErrorOf(() => parseFeed(json({ title: 'T', items: [] }), { url })).message).toBe(
      'the address serves JSON, but not a JSON Feed: it has no "version" such as "https://jsonfeed.org/version/1.1".',
    );
    expect(feedErrorOf(() => parseFeed(json({ version: '1.1', title: 'T', items: [] }), { url })).message).toBe(
      'the JSON Feed has fields of the wrong type: version should be a JSON Feed version address such as "https://jsonfeed.org/version/1.1".',
    );
    expect(feedErrorOf(() => parseFeed(utf8('{"version": '), { url })).message).toMatch(
      /^the feed is not valid JSON: /,
    );
  });
});

describe('feeds without their format’s elements', () => {
  it('says what an empty RSS, Atom or RDF document lacks', () => {
    const read = (xml: string) => feedErrorOf(() => parseFeed(utf8(xml), { url })).message;
    expect(read('<rss version="2.0"></rss>')).toBe(
      'the feed could not be read as RSS: it has none of the elements RSS requires (a <channel> with a <title>, <link> or items).',
    );
    expect(read('<feed xmlns="http://www.w3.org/2005/Atom"></feed>')).toBe(
      'the feed could not be read as Atom: it has none of the elements Atom requires (a <title>, <id> or <entry> elements).',
    );
    expect(read('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>')).toMatch(
      /^the feed could not be read as RSS 1\.0 \(RDF\): it has none of the elements/,
    );
  });

  it('reads a channel without items as a feed with no items', () => {
    expect(parseFeed(utf8('<rss version="2.0"><channel><title>Quiet</title></channel></rss>'), { url })).toEqual({
      format: 'rss',
      title: 'Quiet',
      lang: undefined,
      items: [],
    });
  });
});
