// Serves a built site the way the static hosts in docs/deploying.md do, so that `npm run preview` shows what a
// deployment will: the site only under its base path, `index.html` for a folder URL, a 301 to add a missing trailing
// slash, the site's 404.html with status 404, the rules of `_headers` (which is not itself served), and the hosts'
// default `Cache-Control: public, max-age=0, must-revalidate` with an ETag for everything no rule sets a cache policy
// for.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, relative, resolve, sep } from 'node:path';
import { type HeaderRule, headersFor, parseHeadersFile } from './headers.js';

/** What to serve and how. */
export interface StaticHostOptions {
  /** The built site (`dist/`). */
  readonly root: string;
  /** The path the site is served under, `/` or `/news/`. */
  readonly base: string;
  /** The header rules to apply (from the site's `_headers`). */
  readonly headerRules: readonly HeaderRule[];
}

/** What hosts send for files no rule gives a cache policy: cache, but ask the server again before each use. */
export const defaultCacheControl = 'public, max-age=0, must-revalidate';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.opml': 'text/x-opml; charset=utf-8',
  '.xsl': 'application/xslt+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

// Netlify and Cloudflare Pages read these from the published folder and never serve them.
const hostControlFiles = new Set(['_headers', '_redirects']);

/** The `_headers` rules in a built site, or none when it has no such file. */
export function readHeaderRules(root: string): HeaderRule[] {
  const file = join(root, '_headers');
  return existsSync(file) ? parseHeadersFile(readFileSync(file, 'utf8')) : [];
}

/** An HTTP server (not yet listening) that serves `options.root` as a static host would. */
export function createStaticHost(options: StaticHostOptions): Server {
  const root = resolve(options.root);
  const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
  return createServer((request, response) => {
    try {
      handle(request, response, root, base, options.headerRules);
    } catch (error) {
      response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(String(error));
    }
  });
}

function handle(
  request: IncomingMessage,
  response: ServerResponse,
  root: string,
  base: string,
  rules: readonly HeaderRule[],
): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const url = new URL(request.url ?? '/', 'http://host.invalid');
  if (url.pathname === base.slice(0, -1) && base !== '/') {
    redirect(response, `${base}${url.search}`);
    return;
  }
  if (!url.pathname.startsWith(base)) {
    const body = `<!doctype html><title>Not found</title><p>This site is served under <a href="${base}">${base}</a>.</p>`;
    response
      .writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': defaultCacheControl })
      .end(body);
    return;
  }
  const sitePath = `/${url.pathname.slice(base.length)}`;
  let decoded: string;
  try {
    decoded = decodeURIComponent(sitePath);
  } catch {
    response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Malformed URL.');
    return;
  }
  const target = resolve(root, `.${decoded}`);
  const inside = relative(root, target);
  const outside =
    inside.startsWith('..') || decoded.includes('\0') || inside.split(sep).some((part) => hostControlFiles.has(part));

  if (!outside) {
    if (decoded.endsWith('/')) {
      if (isFile(join(target, 'index.html'))) {
        send(request, response, join(target, 'index.html'), sitePath, 200, rules);
        return;
      }
    } else if (isFile(target)) {
      send(request, response, target, sitePath, 200, rules);
      return;
    } else if (isFile(join(target, 'index.html'))) {
      redirect(response, `${url.pathname}/${url.search}`);
      return;
    }
  }
  const notFound = join(root, '404.html');
  if (isFile(notFound)) {
    send(request, response, notFound, sitePath, 404, rules);
    return;
  }
  response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found.');
}

function send(
  request: IncomingMessage,
  response: ServerResponse,
  file: string,
  sitePath: string,
  status: number,
  rules: readonly HeaderRule[],
): void {
  const stats = statSync(file);
  const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
  const headers: Record<string, string> = {
    'Content-Type': contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Cache-Control': defaultCacheControl,
  };
  for (const [name, value] of headersFor(rules, sitePath)) {
    const existing = Object.keys(headers).find((key) => key.toLowerCase() === name.toLowerCase());
    if (existing) delete headers[existing];
    headers[name] = value;
  }
  if (status === 200) {
    headers['ETag'] = etag;
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, headers).end();
      return;
    }
  }
  headers['Content-Length'] = String(stats.size);
  response.writeHead(status, headers);
  if (request.method === 'HEAD') response.end();
  else createReadStream(file).pipe(response);
}

function redirect(response: ServerResponse, location: string): void {
  // A path such as `/.//evil.example/` normalises to `//evil.example/`, which a browser would read as another host.
  response.writeHead(301, { Location: location.replace(/^\/+/, '/'), 'Cache-Control': defaultCacheControl }).end();
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}
