import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  assertNesting,
  cleanPage,
  MAX_NESTING_DEPTH,
  nestingDepth,
  rawNestingDepth,
} from '../../tools/ingest/html-clean';
import { readPageMetadata, stripSiteName } from '../../tools/ingest/html-metadata';
import { readHtmlPage } from '../../tools/ingest/html-page';
import { storyToMarkdown } from '../../tools/ingest/html-to-markdown';
import { embedTarget, safeUrl, samePicture, stripTracking } from '../../tools/ingest/web-url';

const parse = (html: string) => parseHTML(html).document as unknown as Document;
const story = (n = 3) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>Paragraph ${i} tells the reader what happened, in enough words to count as article text, with commas, clauses, and detail.</p>`,
  ).join('');

describe('readPageMetadata', () => {
  it('prefers NewsArticle JSON-LD (inside @graph) to Open Graph and meta tags', () => {
    const document = parse(`<html lang="en"><head>
      <meta property="og:title" content="OG title"><meta property="article:published_time" content="2024-01-01">
      <script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Site"},{"@type":["NewsArticle"],"headline":"LD title","datePublished":"2024-02-02T10:00:00+02:00","author":[{"name":"A"},"B"],"publisher":{"name":"Pub"}}]}</script>
      </head><body></body></html>`);
    expect(readPageMetadata(document)).toMatchObject({
      title: 'LD title',
      published: '2024-02-02T10:00:00+02:00',
      authors: ['A', 'B'],
      siteName: 'Pub',
      lang: 'en',
    });
  });

  it('falls back to Open Graph, then to <time> and <h1>, and skips broken JSON-LD and URL bylines', () => {
    const document = parse(`<html><head><script type="application/ld+json">{not json</script>
      <meta property="og:site_name" content="Daily"><meta property="article:author" content="https://daily.example/me">
      <title>Headline - Daily</title></head><body><h1>Headline</h1><time datetime="2024-03-03">3 March</time></body></html>`);
    expect(readPageMetadata(document)).toMatchObject({
      title: 'Headline',
      published: '2024-03-03',
      authors: [],
      siteName: 'Daily',
    });
  });

  it('reads an Open Graph locale as a language tag', () => {
    expect(
      readPageMetadata(parse('<html><head><meta property="og:locale" content="el_GR"></head><body></body></html>'))
        .lang,
    ).toBe('el-GR');
  });
});

describe('stripSiteName', () => {
  it('removes the outlet suffix from a title', () => {
    expect(stripSiteName('Berlin and Warsaw agree | The Guardian', 'The Guardian')).toBe('Berlin and Warsaw agree');
    expect(stripSiteName('Heat – Athens News', 'Athens News')).toBe('Heat');
    expect(stripSiteName('Athens News', 'Athens News')).toBe('Athens News');
  });
});

describe('cleanPage', () => {
  it('drops share widgets, newsletters, related lists, comments, ads, hidden text and tracking pixels, keeping the story', () => {
    const document = parse(`<html><body><article class="post has-sidebar">${story()}
      <div class="share-buttons">Share on Facebook</div><div class="newsletter-box">Sign up</div>
      <div class="related-posts"><a href="/x">Other</a></div><div id="comments">Nice!</div>
      <div class="ad-slot">Buy</div><p style="display: none">Hidden</p><img src="https://t.example/pixel.gif" alt="">
      <img src="https://img.example/a.jpg" width="1" height="1" alt=""><p onclick="x()">Handler</p>
      <div class="shareholders">Shareholders met on Monday.</div></article></body></html>`);
    cleanPage(document);
    const text = document.body.textContent ?? '';
    expect(text).toContain('Paragraph 2');
    expect(text).toContain('Shareholders met');
    for (const gone of ['Share on Facebook', 'Sign up', 'Other', 'Nice!', 'Buy', 'Hidden'])
      expect(text).not.toContain(gone);
    expect(document.querySelectorAll('img').length).toBe(0);
    expect(document.body.innerHTML).not.toContain('onclick');
  });

  it('turns AMP images into images, lazy images into real ones, and embeds into links', () => {
    const document = parse(`<html><body>
      <amp-img src="https://img.example/amp.jpg" alt="Amp"></amp-img>
      <img src="data:image/gif;base64,AA" data-src="https://img.example/lazy.jpg" alt="Lazy">
      <iframe src="https://www.youtube.com/embed/abc_123" title="Clip"></iframe>
      <iframe src="https://ads.example/slot"></iframe></body></html>`);
    cleanPage(document);
    expect([...document.querySelectorAll('img')].map((image) => image.getAttribute('src'))).toEqual([
      'https://img.example/amp.jpg',
      'https://img.example/lazy.jpg',
    ]);
    expect(document.querySelector('a')?.getAttribute('href')).toBe('https://www.youtube.com/watch?v=abc_123');
    expect(document.querySelectorAll('iframe').length).toBe(0);
  });
});

describe('nesting', () => {
  it('measures depth without recursion and refuses pages nested deeper than the cap', () => {
    const deep = (depth: number) => `<html><body>${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}</body></html>`;
    expect(nestingDepth(parse(deep(10)).documentElement)).toBe(12);
    expect(() => assertNesting(parse(deep(MAX_NESTING_DEPTH - 2)))).not.toThrow();
    expect(() => assertNesting(parse(deep(MAX_NESTING_DEPTH)))).toThrow(/nests elements 130 deep/);
  });

  it('refuses a page nested thousands deep before parsing it, and counts only explicitly closed containers', () => {
    const hostile = `<html><body>${'<blockquote>'.repeat(100_000)}x</body></html>`;
    expect(() => readHtmlPage(hostile)).toThrow(/nests elements at least 100000 deep/);
    expect(rawNestingDepth('<div><p>a<p>b<ul><li>c<li>d</ul><br/><span/></div>')).toBe(2);
  });
});

describe('storyToMarkdown', () => {
  it('keeps paragraphs, headings, lists, quotes, links and https images with alt text', () => {
    const markdown = storyToMarkdown(
      '<h1>Title</h1><p>Text with <a href="/a?utm_source=x&id=1">a link</a>.</p><h1>Section</h1><ul><li>one</li></ul><blockquote><p>Quote</p></blockquote><img src="https://img.example/a.jpg" alt="A photo">',
      { baseUrl: 'https://news.example/story', title: 'Title' },
    );
    expect(markdown).toBe(
      'Text with [a link](https://news.example/a?id=1).\n\n## Section\n\n- one\n\n> Quote\n\n![A photo](https://img.example/a.jpg)',
    );
  });

  it('carries no scripts, styles, event handlers, raw HTML, comments or unsafe URLs', () => {
    const markdown = storyToMarkdown(
      '<p onclick="x()">Safe <a href="javascript:alert(1)">js</a> <a href="data:text/html,x">data</a> <img src="http://img.example/a.jpg" alt="http"></p><script>alert(1)</script><style>p{}</style><!-- note --><svg><text>svg</text></svg><p>&lt;b&gt;literal&lt;/b&gt;</p>',
    );
    expect(markdown).toBe('Safe js data\n\n\\<b>literal\\</b>');
  });

  it('drops a figure whose picture cannot be kept, with its caption, and italicises captions', () => {
    const markdown = storyToMarkdown(
      '<figure><img src="http://img.example/a.jpg" alt="A"><figcaption>Lost</figcaption></figure><figure><img src="https://img.example/b.jpg" alt="B"><figcaption>Kept</figcaption></figure>',
    );
    expect(markdown).toBe('![B](https://img.example/b.jpg)\n\n_Kept_');
  });
});

describe('URLs', () => {
  it('safeUrl resolves relative URLs and keeps only web pages, web and mail links, and https images', () => {
    expect(safeUrl('/x', 'https://a.example/b/c', 'link')).toBe('https://a.example/x');
    expect(safeUrl('mailto:a@b.example', undefined, 'link')).toBe('mailto:a@b.example');
    expect(safeUrl('mailto:a@b.example', undefined, 'page')).toBeUndefined();
    expect(safeUrl('http://a.example/story', undefined, 'page')).toBe('http://a.example/story');
    expect(safeUrl('http://a.example/i.jpg', undefined, 'image')).toBeUndefined();
    expect(safeUrl('/x', undefined, 'link')).toBeUndefined();
  });

  it('samePicture matches the same file and its resized copies, on the same host only', () => {
    expect(samePicture('https://a.example/up/boat-750x375.jpg', 'https://a.example/up/boat.jpg')).toBe(true);
    expect(samePicture('https://a.example/up/boat.jpg', 'https://b.example/up/boat.jpg')).toBe(false);
    expect(samePicture('https://a.example/up/boat.jpg', 'not a url')).toBe(false);
  });

  it('stripTracking removes campaign parameters only', () => {
    expect(stripTracking('https://a.example/x?utm_source=t&id=3&fbclid=9')).toBe('https://a.example/x?id=3');
  });

  it('embedTarget points social embeds at the post', () => {
    expect(
      embedTarget('https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2Fp%2F1'),
    ).toEqual({ url: 'https://www.facebook.com/p/1', label: 'Post on Facebook' });
    expect(embedTarget('https://ads.example/x')).toBeUndefined();
  });
});

describe('readHtmlPage', () => {
  it('refuses a page with no story (a shop listing, a login page)', () => {
    expect(() =>
      readHtmlPage(
        '<html><head><title>Shop</title></head><body><nav><a href="/">Home</a></nav><form><input name="user"><button>Log in</button></form><ul><li>Mug €5</li><li>Cap €9</li></ul></body></html>',
      ),
    ).toThrow(/no article found/);
  });

  it("uses --url over the page's own address", () => {
    const draft = readHtmlPage(
      `<html><head><link rel="canonical" href="https://a.example/old"><title>T</title></head><body><article><h1>T</h1>${story(4)}</article></body></html>`,
      { url: 'https://a.example/new' },
    );
    expect(draft.url).toBe('https://a.example/new');
  });
});
