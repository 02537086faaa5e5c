// Shared set-up for the HTTP client tests: a client that may reach the local test servers, and the clean-up of
// every client and server a test started.
import { afterEach } from 'vitest';
import { createHttpClient } from '../../../tools/ingest/http/client';
import type { HttpClient, HttpClientOptions } from '../../../tools/ingest/http/types';
import { type Handler, type LocalServer, startServer, TEST_CA } from '../../support/local-server';

const open: { close(): Promise<void> }[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((item) => item.close()));
});

/** A client for the local servers: loopback allowed, the test CA trusted, no pause; closed after the test. */
export function testClient(options: Partial<HttpClientOptions> = {}): HttpClient {
  const client = createHttpClient({
    userAgent: 'Broadsheet/0.1 (+https://site.example/)',
    allowLoopback: true,
    ca: TEST_CA,
    hostPauseMs: 0,
    totalTimeoutMs: 5000,
    connectTimeoutMs: 2000,
    ...options,
  });
  open.push(client);
  return client;
}

/** A local server, closed after the test. */
export async function testServer(handler: Handler, options: { tls?: boolean } = {}): Promise<LocalServer> {
  const server = await startServer(handler, options);
  open.push(server);
  return server;
}

/** What a rejected promise threw, for assertions on HttpError fields. */
export async function failureOf(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail');
}

/** A `resolve` option that answers from a table (unknown names resolve to nothing). */
export function resolver(table: Readonly<Record<string, readonly string[]>>) {
  return async (hostname: string): Promise<readonly string[]> => table[hostname] ?? [];
}
