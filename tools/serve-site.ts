// Serves a built site on a free loopback port exactly as `npm run preview` does (tools/deploy/static-host.ts: the
// base path, folder URLs, 301s, 404.html, the `_headers` rules), for the browser tests and the Lighthouse script.
import type { AddressInfo } from 'node:net';
import { createStaticHost, readHeaderRules } from './deploy/static-host.js';

/** A built site being served. */
export interface ServedSite {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** The absolute URL of a site path such as `/articles/x/` (the base path is added). */
  url(path: string): string;
  /** Stops the server. */
  close(): Promise<void>;
}

/** Serves `root` (a built `dist/`) under `base` at 127.0.0.1 on a port the system picks. */
export async function serveSite(root: string, base = '/'): Promise<ServedSite> {
  const server = createStaticHost({ root, base, headerRules: readHeaderRules(root) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => `${origin}${base.replace(/\/$/, '')}${path}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
