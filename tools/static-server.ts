// A small static file server for built sites, for the search checks and measurements: it serves a folder as a static
// host would (a folder URL serves its index.html), gzips text as hosts do, and reports every response it sends with
// its size on the wire, so a measurement counts exactly what a browser fetched.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
};

/** One response the server sent. */
export interface ServedFile {
  /** The URL path requested. */
  readonly path: string;
  /** The HTTP status. */
  readonly status: number;
  /** Bytes of the body as sent (after gzip, when it was gzipped). */
  readonly bytes: number;
  /** Whether the body was gzipped on the way out. */
  readonly gzipped: boolean;
}

/** Options for the server. */
export interface StaticServerOptions {
  /** Extra headers for HTML responses, such as a Content-Security-Policy. */
  readonly htmlHeaders?: Readonly<Record<string, string>>;
  /** Called for every response. */
  readonly onServe?: (served: ServedFile) => void;
  /** The base path the site is built for, such as `/news/`: the folder is served under it. Default `/`. */
  readonly base?: string;
}

/** A running server. */
export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** Stops it. */
  close(): Promise<void>;
}

/** Serves `dir` on a free loopback port. */
export async function serveStatic(dir: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname));
    const base = options.base ?? '/';
    const inSite = path.startsWith(base) ? `/${path.slice(base.length)}` : undefined;
    const file = inSite === undefined ? '' : join(dir, inSite.endsWith('/') ? `${inSite}index.html` : inSite);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      options.onServe?.({ path, status: 404, bytes: 0, gzipped: false });
      return;
    }
    const type = TYPES[extname(file)];
    const raw = readFileSync(file);
    // Pagefind's index files are gzipped already, so only text is compressed here, as a static host would.
    const gzipped = type !== undefined && /gzip/.test(String(request.headers['accept-encoding'] ?? ''));
    const body = gzipped ? gzipSync(raw, { level: 9 }) : raw;
    response.writeHead(200, {
      'content-type': type ?? 'application/octet-stream',
      'content-length': body.length,
      ...(gzipped ? { 'content-encoding': 'gzip' } : {}),
      ...(type?.startsWith('text/html') ? options.htmlHeaders : {}),
    });
    response.end(body);
    options.onServe?.({ path, status: 200, bytes: body.length, gzipped });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
