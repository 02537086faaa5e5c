import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticHost, readHeaderRules } from '../../tools/deploy/static-host';
import { temporaryFolder, writeFiles } from '../support/build';

// The preview server on a hand-made site under /news/: it must answer as a static host would.

let server: Server;
let origin: string;

beforeAll(async () => {
  const root = temporaryFolder('static-host');
  writeFiles(root, {
    'index.html': '<!doctype html><title>Home</title>',
    'articles/a/index.html': '<!doctype html><title>A</title>',
    'rss.xml': '<rss/>',
    '_astro/page.abc123.css': 'body{}',
    '404.html': '<!doctype html><title>Page not found</title>',
    _headers:
      '/*\n  X-Content-Type-Options: nosniff\n/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n',
  });
  server = createStaticHost({ root, base: '/news/', headerRules: readHeaderRules(root) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${origin}${path}`, { redirect: 'manual', headers });

describe('the preview server', () => {
  it('serves folders by their index.html, under the base only', async () => {
    const home = await get('/news/');
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await home.text()).toContain('<title>Home</title>');
    expect((await get('/news/articles/a/')).status).toBe(200);
    const outside = await get('/articles/a/');
    expect(outside.status).toBe(404);
    expect(await outside.text()).toContain('served under <a href="/news/">');
  });

  it('redirects a folder URL without its trailing slash, keeping the query', async () => {
    const folder = await get('/news/articles/a?x=1');
    expect(folder.status).toBe(301);
    expect(folder.headers.get('location')).toBe('/news/articles/a/?x=1');
    expect((await get('/news')).headers.get('location')).toBe('/news/');
  });

  it('answers a missing page with the site 404 page and status 404', async () => {
    const missing = await get('/news/nowhere/');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Page not found');
  });

  it('applies _headers: immutable hashed assets, revalidated HTML and feeds, rules for every path', async () => {
    const asset = await get('/news/_astro/page.abc123.css');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toBe('text/css; charset=utf-8');
    for (const path of ['/news/', '/news/rss.xml']) {
      const response = await get(path);
      expect(response.headers.get('cache-control'), path).toBe('public, max-age=0, must-revalidate');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('answers a revalidation with 304 when the file has not changed', async () => {
    const first = await get('/news/rss.xml');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    expect((await get('/news/rss.xml', { 'If-None-Match': etag })).status).toBe(304);
  });

  it('never serves _headers, files outside the folder, or other methods', async () => {
    expect((await get('/news/_headers')).status).toBe(404);
    expect((await get('/news/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
    expect((await get('/news/..%2f..%2fetc/passwd')).status).toBe(404);
    expect((await get('/news/%E0%A4%A')).status).toBe(400);
    expect((await fetch(`${origin}/news/`, { method: 'POST' })).status).toBe(405);
  });
});
