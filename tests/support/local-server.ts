// Real HTTP and HTTPS servers on 127.0.0.1 for the intake, HTTP client and image tests: the code under test talks to
// a socket, not to a mock, so redirects, compression, timeouts and TLS are the real thing.
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { projectRoot } from './build';

/**
 * The test certificate, valid until 2126, for 127.0.0.1 and localhost, and for 127.0.1.2 to 127.0.1.101 (the image hosts
 * of `npm run bench:intake -- --images`), to trust in a client.
 */
export const TEST_CA_FILE = join(projectRoot, 'tests/support/tls/cert.pem');
/** The certificate's text, for `ca` options. */
export const TEST_CA = readFileSync(TEST_CA_FILE, 'utf8');

/** One request the server received. */
export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
}

/** A running server. */
export interface LocalServer {
  /** `http://127.0.0.1:<port>` or `https://127.0.0.1:<port>`, without a trailing slash. */
  readonly origin: string;
  /** Every request so far, in order. */
  readonly requests: ReceivedRequest[];
  /** Stops the server and drops open connections (a handler that never answers does not hold the test up). */
  close(): Promise<void>;
}

/** Handles one request; may leave the response open to play a server that never answers. */
export type Handler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

/** Starts a server on 127.0.0.1 on a free port; `tls` serves HTTPS with the test certificate. */
export async function startServer(handler: Handler, options: { tls?: boolean } = {}): Promise<LocalServer> {
  const requests: ReceivedRequest[] = [];
  const listener = (request: IncomingMessage, response: ServerResponse) => {
    requests.push({ method: request.method ?? 'GET', path: request.url ?? '/', headers: request.headers });
    Promise.resolve(handler(request, response)).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500);
      response.end(String(error));
    });
  };
  const server: Server = options.tls
    ? createHttpsServer({ cert: TEST_CA, key: readFileSync(join(projectRoot, 'tests/support/tls/key.pem')) }, listener)
    : createHttpServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A handler serving fixed routes: path → status, headers and body; anything else is a 404. */
export function routes(
  table: Readonly<
    Record<string, { status?: number; headers?: Record<string, string>; body?: string | Uint8Array } | Handler>
  >,
): Handler {
  return (request, response) => {
    const path = request.url ?? '/';
    const route = table[path];
    if (route === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
      return undefined;
    }
    if (typeof route === 'function') return route(request, response);
    response.writeHead(route.status ?? 200, route.headers ?? {});
    response.end(route.body ?? '');
    return undefined;
  };
}
