import { describe, expect, it } from 'vitest';
import { checkLinks, servedFile } from '../../tools/check-links';
import { temporaryFolder, writeFiles } from '../support/build';

// The checker itself, on hand-made output folders: each broken thing it must catch, and what it must accept.

const page = (body: string, head = '') => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

function siteWith(files: Record<string, string>): string {
  const dir = temporaryFolder('check-links');
  writeFiles(dir, files);
  return dir;
}

const reasons = (dir: string, base = '/news/', siteUrl = 'https://example.org') =>
  checkLinks(dir, { base, siteUrl }).problems.map(
    ({ file, url, reason }) => `${file} ${url} ${reason.split(/[;:(]/)[0]?.trim()}`,
  );

describe('checkLinks', () => {
  it('accepts a site whose links all resolve under the base', () => {
    const dir = siteWith({
      'index.html': page(
        '<a href="/news/a/#part">a</a> <a href="a/">rel</a> <img src="/news/_astro/x.png" alt=""> <a href="#top">top</a>',
        '<link rel="canonical" href="https://example.org/news/">',
      ),
      'a/index.html': page(
        '<h2 id="part">Part</h2><a href="../">home</a> <a href="https://elsewhere.example/x">out</a> <a href="mailto:x@example.org">m</a>',
      ),
      '_astro/x.png': 'png',
      'rss.xml':
        '<rss><channel><link>https://example.org/news/</link><item><description>&lt;a href=&quot;/news/a/&quot;&gt;a&lt;/a&gt;</description></item></channel></rss>',
      'robots.txt': 'Sitemap: https://example.org/news/rss.xml\n',
      '404.html': page('<a href="/news/">home</a>'),
    });
    expect(checkLinks(dir, { base: '/news/', siteUrl: 'https://example.org' }).problems).toEqual([]);
  });

  it('reports missing pages and assets, links outside the base, and missing trailing slashes', () => {
    const dir = siteWith({
      'index.html': page(
        '<a href="/news/gone/">g</a> <img src="/news/missing.png" alt=""> <a href="/about/">o</a> <a href="/news/a">s</a> <a href="/news">b</a>',
      ),
      'a/index.html': page(''),
    });
    expect(reasons(dir)).toEqual([
      'index.html /news/gone/ no such page',
      'index.html /news/missing.png no such file',
      'index.html /about/ outside the base path /news/',
      'index.html /news/a missing trailing slash',
      'index.html /news missing trailing slash',
    ]);
  });

  it('reports fragments that reach no element, on this page or another', () => {
    const dir = siteWith({
      'index.html': page(
        '<a href="#nowhere">x</a> <a href="/news/a/#quote">y</a> <a href="/news/a/#user-content-quote">ok</a> <a name="old"></a><a href="#old">old</a>',
      ),
      'a/index.html': page('<h2 id="user-content-quote">Quote</h2>'),
    });
    expect(reasons(dir)).toEqual([
      'index.html #nowhere no element with id "nowhere" on this page',
      'index.html /news/a/#quote no element with id "quote" on a/index.html',
    ]);
  });

  it('reports absolute URLs on the site origin that do not resolve, in HTML, XML, JSON and text', () => {
    const dir = siteWith({
      'index.html': page('', '<meta property="og:url" content="https://example.org/news/missing/">'),
      'feed.json': JSON.stringify({ items: [{ url: 'https://example.org/news/nope/' }] }),
      'sitemap.xml': '<urlset><url><loc>https://example.org/gone/</loc></url></urlset>',
      'robots.txt': 'Sitemap: https://example.org/news/sitemap-missing.xml\n',
    });
    expect(reasons(dir)).toEqual([
      'feed.json https://example.org/news/nope/ no such page',
      'index.html https://example.org/news/missing/ no such page',
      'robots.txt https://example.org/news/sitemap-missing.xml no such file',
      'sitemap.xml https://example.org/gone/ outside the base path /news/',
    ]);
  });

  it('reports URLs that point at this machine once SITE_URL names a public site, but not when it is local', () => {
    const files = {
      'index.html': page('<link rel="canonical" href="http://127.0.0.1:4321/">'),
      'feed.json': '{"home_page_url":"http:\\/\\/localhost:4321\\/"}',
      'robots.txt': 'Sitemap: http://[::1]:4321/sitemap.xml\n',
    };
    expect(reasons(siteWith(files))).toEqual([
      'feed.json http://localhost:4321/ points at this machine',
      'index.html http://127.0.0.1:4321/ points at this machine',
      'robots.txt http://[::1]:4321/sitemap.xml points at this machine',
    ]);
    expect(
      reasons(
        siteWith({ 'index.html': page('<a href="http://127.0.0.1:4321/">home</a>') }),
        '/',
        'http://127.0.0.1:4321',
      ),
    ).toEqual([]);
  });

  it('resolves relative links in feed content against the feed address, as readers do', () => {
    const dir = siteWith({
      'index.html': page(''),
      'tags/x/rss.xml':
        '<rss><item><description>&lt;a href=&quot;../other/&quot;&gt;o&lt;/a&gt;</description></item></rss>',
    });
    expect(reasons(dir)).toEqual(['tags/x/rss.xml ../other/ no such page']);
  });

  it('refuses relative links on the 404 page, which is served at any address', () => {
    const dir = siteWith({ 'index.html': page(''), '404.html': page('<a href="./">home</a> <a href="/news/">ok</a>') });
    expect(reasons(dir)).toEqual(['404.html ./ relative URL in a page served at any address']);
  });

  it('checks url() references in CSS and srcset candidates', () => {
    const dir = siteWith({
      'index.html': page('<img src="/news/a.png" srcset="/news/a.png 1x, /news/b.png 2x" alt="">'),
      'a.png': 'png',
      '_astro/site.css': 'body{background:url(/news/missing.svg)} i{background:url("data:image/png;base64,AA")}',
    });
    expect(reasons(dir)).toEqual([
      '_astro/site.css /news/missing.svg no such file',
      'index.html /news/b.png no such file',
    ]);
  });
});

describe('servedFile', () => {
  it('maps URL paths to files as a static host does', () => {
    const dir = siteWith({ 'index.html': '', 'a b/index.html': '', 'feed.xml': '' });
    expect(servedFile(dir, '/', '/')).toEqual({ file: 'index.html' });
    expect(servedFile(dir, '/', '/a%20b/')).toEqual({ file: 'a b/index.html' });
    expect(servedFile(dir, '/', '/feed.xml')).toEqual({ file: 'feed.xml' });
    expect(servedFile(dir, '/', '/%E0%A4%A/')).toEqual({ problem: 'malformed percent-escape' });
  });
});
