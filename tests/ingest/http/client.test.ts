// The HTTP client against real servers on 127.0.0.1: headers, compression, conditional GET, redirects, refusals,
// back-off, timeouts, size caps and TLS.
import { brotliCompressSync, constants, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loopbackAllowed, userAgentFor } from '../../../tools/ingest/http/client';
import { HttpError } from '../../../tools/ingest/http/types';
import { routes } from '../../support/local-server';
import { failureOf, resolver, testClient, testServer } from './helpers';

const FEED = '<rss version="2.0"><channel><title>Test</title></channel></rss>';

describe('a plain GET', () => {
  it('sends the User-Agent, Accept and Accept-Encoding headers and returns the body and validators', async () => {
    const server = await testServer(
      routes({
        '/feed': {
          headers: {
            'content-type': 'application/rss+xml',
            etag: '"v1"',
            'last-modified': 'Wed, 02 Dec 2026 10:00:00 GMT',
          },
          body: FEED,
        },
      }),
    );
    const client = testClient();
    const result = await client.get({ url: `${server.origin}/feed`, accept: 'application/rss+xml' });
    expect(result).toMatchObject({
      kind: 'ok',
      url: `${server.origin}/feed`,
      contentType: 'application/rss+xml',
      etag: '"v1"',
      lastModified: 'Wed, 02 Dec 2026 10:00:00 GMT',
    });
    expect(result.kind === 'ok' && new TextDecoder().decode(result.body)).toBe(FEED);
    const headers = server.requests[0]!.headers;
    expect(headers['user-agent']).toBe('Broadsheet/0.1 (+https://site.example/)');
    expect(headers['accept']).toBe('application/rss+xml');
    expect(headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(headers['if-none-match']).toBeUndefined();
    expect(client.requestCount).toBe(1);
  });

  it('refuses a scheme other than http and https before any connection', async () => {
    const client = testClient();
    for (const url of ['file:///etc/passwd', 'ftp://example.com/feed', 'not a url']) {
      const error = await failureOf(client.get({ url }));
      expect(error).toBeInstanceOf(HttpError);
      expect(error.failure).toBe('scheme');
    }
    expect(client.requestCount).toBe(0);
  });

  it('answers another status with an HttpError that names the URL and the status', async () => {
    const server = await testServer(routes({}));
    const error = await failureOf(testClient().get({ url: `${server.origin}/missing` }));
    expect(error.failure).toBe('status');
    expect(error.status).toBe(404);
    expect(error.message).toBe(`${server.origin}/missing: the server answered 404 Not Found.`);
  });
});

describe('compressed bodies', () => {
  const encodings: [string, (input: string) => Buffer][] = [
    ['gzip', (input) => gzipSync(input)],
    ['br', (input) => brotliCompressSync(input)],
    ['deflate', (input) => deflateSync(input)],
    // Some servers send raw deflate under the name "deflate".
    ['deflate', (input) => deflateRawSync(input)],
  ];
  it.each(encodings)('decompresses a %s body', async (encoding, compress) => {
    const text = FEED.repeat(100);
    const server = await testServer(
      routes({ '/feed': { headers: { 'content-encoding': encoding }, body: compress(text) } }),
    );
    const result = await testClient().get({ url: `${server.origin}/feed` });
    expect(result.kind === 'ok' && new TextDecoder().decode(result.body)).toBe(text);
  });

  it('reports a damaged compressed body as a network failure', async () => {
    const server = await testServer(
      routes({ '/feed': { headers: { 'content-encoding': 'gzip' }, body: 'not gzip at all' } }),
    );
    const error = await failureOf(testClient().get({ url: `${server.origin}/feed` }));
    expect(error.failure).toBe('network');
    expect(error.message).toContain('damaged');
  });
});

describe('conditional GET', () => {
  it('sends If-None-Match and If-Modified-Since and reads a 304 as not-modified', async () => {
    const server = await testServer(routes({ '/feed': { status: 304 } }));
    const client = testClient();
    const result = await client.get({
      url: `${server.origin}/feed`,
      etag: '"v1"',
      lastModified: 'Wed, 02 Dec 2026 10:00:00 GMT',
    });
    expect(result).toEqual({ kind: 'not-modified', url: `${server.origin}/feed` });
    expect(server.requests[0]!.headers['if-none-match']).toBe('"v1"');
    expect(server.requests[0]!.headers['if-modified-since']).toBe('Wed, 02 Dec 2026 10:00:00 GMT');
  });
});

describe('redirects', () => {
  /** A chain /hop/n → /hop/n-1 → … → /hop/0, which answers 200. */
  const chain = () =>
    testServer((request, response) => {
      const n = Number(request.url?.split('/')[2]);
      if (n === 0) {
        response.end('the end');
        return;
      }
      // A relative Location, as many servers send.
      response.writeHead(n % 2 === 0 ? 301 : 302, { location: `/hop/${n - 1}` });
      response.end();
    });

  it('follows five redirects, each one a request', async () => {
    const server = await chain();
    const client = testClient();
    const result = await client.get({ url: `${server.origin}/hop/5` });
    expect(result).toMatchObject({ kind: 'ok', url: `${server.origin}/hop/0` });
    expect(client.requestCount).toBe(6);
  });

  it('gives up on the sixth redirect', async () => {
    const server = await chain();
    const error = await failureOf(testClient().get({ url: `${server.origin}/hop/6` }));
    expect(error.failure).toBe('too-many-redirects');
    expect(error.message).toContain(`${server.origin}/hop/1`);
    expect(server.requests.map((request) => request.path)).not.toContain('/hop/0');
  });

  it('follows a lower configured limit', async () => {
    const server = await chain();
    const error = await failureOf(testClient({ maxRedirects: 1 }).get({ url: `${server.origin}/hop/2` }));
    expect(error.failure).toBe('too-many-redirects');
  });

  it('refuses a redirect to the metadata service address without connecting', async () => {
    const server = await testServer(
      routes({ '/feed': { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' } } }),
    );
    const client = testClient();
    const error = await failureOf(client.get({ url: `${server.origin}/feed` }));
    expect(error.failure).toBe('private-address');
    expect(error.url).toBe('http://169.254.169.254/latest/meta-data/');
    expect(error.message).toBe(
      'http://169.254.169.254/latest/meta-data/: refused: the address 169.254.169.254 is private (only public addresses are fetched).',
    );
    expect(client.requestCount).toBe(1);
  });

  it('refuses a redirect to a file: URL', async () => {
    const server = await testServer(routes({ '/feed': { status: 301, headers: { location: 'file:///etc/passwd' } } }));
    const client = testClient();
    const error = await failureOf(client.get({ url: `${server.origin}/feed` }));
    expect(error.failure).toBe('scheme');
    expect(error.message).toContain(`redirected from ${server.origin}/feed`);
    expect(client.requestCount).toBe(1);
  });

  it('refuses a redirect to a name that resolves to a private address', async () => {
    const server = await testServer(routes({ '/feed': { status: 302, headers: { location: 'http://inside.test/' } } }));
    const client = testClient({ resolve: resolver({ 'inside.test': ['10.1.2.3'] }) });
    const error = await failureOf(client.get({ url: `${server.origin}/feed` }));
    expect(error.failure).toBe('private-address');
    expect(error.message).toContain('inside.test resolves to the private address 10.1.2.3');
  });
});

describe('private addresses', () => {
  it.each([['10.0.0.1'], ['192.168.1.1'], ['::1'], ['::ffff:127.0.0.1'], ['127.0.0.1'], ['169.254.169.254']])(
    'refuses a name that resolves to %s, without connecting',
    async (address) => {
      const client = testClient({ allowLoopback: false, resolve: resolver({ 'feed.test': [address] }) });
      const error = await failureOf(client.get({ url: 'http://feed.test/feed' }));
      expect(error.failure).toBe('private-address');
      expect(error.message).toBe(
        `http://feed.test/feed: refused: feed.test resolves to the private address ${address} (only public addresses are fetched).`,
      );
      expect(client.requestCount).toBe(0);
    },
  );

  it('refuses a name when any one of its addresses is private', async () => {
    const client = testClient({ resolve: resolver({ 'feed.test': ['93.184.215.14', '10.0.0.1'] }) });
    const error = await failureOf(client.get({ url: 'http://feed.test/' }));
    expect(error.failure).toBe('private-address');
  });

  it('refuses a private IP literal with a message that says why', async () => {
    const error = await failureOf(testClient().get({ url: 'http://10.0.0.1/' }));
    expect(error.failure).toBe('private-address');
    expect(error.message).toBe(
      'http://10.0.0.1/: refused: the address 10.0.0.1 is private (only public addresses are fetched).',
    );
  });

  it('refuses loopback unless allowLoopback is on', async () => {
    const server = await testServer(routes({ '/feed': { body: FEED } }));
    const refused = await failureOf(testClient({ allowLoopback: false }).get({ url: `${server.origin}/feed` }));
    expect(refused.failure).toBe('private-address');
    expect(server.requests).toHaveLength(0);
    await expect(testClient({ allowLoopback: true }).get({ url: `${server.origin}/feed` })).resolves.toMatchObject({
      kind: 'ok',
    });
    expect(server.requests).toHaveLength(1);
  });

  it('connects to the address it checked and keeps the name in the Host header', async () => {
    const server = await testServer(routes({ '/feed': { body: FEED } }));
    const port = new URL(server.origin).port;
    const client = testClient({ resolve: resolver({ 'feed.test': ['127.0.0.1'] }) });
    await expect(client.get({ url: `http://feed.test:${port}/feed` })).resolves.toMatchObject({ kind: 'ok' });
    expect(server.requests[0]!.headers.host).toBe(`feed.test:${port}`);
  });

  it('still refuses everything else private when loopback is allowed', async () => {
    const client = testClient({ allowLoopback: true, resolve: resolver({ 'feed.test': ['192.168.0.10'] }) });
    const error = await failureOf(client.get({ url: 'http://feed.test/' }));
    expect(error.failure).toBe('private-address');
  });

  it('reports a name that does not resolve as a network failure', async () => {
    const error = await failureOf(testClient({ resolve: resolver({}) }).get({ url: 'http://nowhere.test/' }));
    expect(error.failure).toBe('network');
    expect(error.message).toContain('does not resolve');
  });
});

describe('come back later', () => {
  it('reads Retry-After in seconds on a 429', async () => {
    const server = await testServer(routes({ '/feed': { status: 429, headers: { 'retry-after': '120' } } }));
    const before = Date.now();
    const result = await testClient().get({ url: `${server.origin}/feed` });
    expect(result).toMatchObject({ kind: 'retry-later', status: 429 });
    const until = result.kind === 'retry-later' ? result.until.getTime() : 0;
    expect(until).toBeGreaterThanOrEqual(before + 120_000);
    expect(until).toBeLessThanOrEqual(Date.now() + 120_000);
  });

  it('reads Retry-After as an HTTP date on a 503', async () => {
    const date = new Date(Date.now() + 3 * 60 * 60 * 1000);
    date.setMilliseconds(0);
    const server = await testServer(
      routes({ '/feed': { status: 503, headers: { 'retry-after': date.toUTCString() } } }),
    );
    const result = await testClient().get({ url: `${server.origin}/feed` });
    expect(result).toMatchObject({ kind: 'retry-later', status: 503, until: date });
  });
});

describe('timeouts', () => {
  it('gives up on a server that never answers', async () => {
    const server = await testServer(() => undefined);
    const error = await failureOf(testClient({ totalTimeoutMs: 300 }).get({ url: `${server.origin}/feed` }));
    expect(error.failure).toBe('timeout');
    expect(error.message).toBe(`${server.origin}/feed: the server did not answer within 0.3 s.`);
  });

  it('gives up on a body that stops half way', async () => {
    const server = await testServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.write('the beginning');
    });
    const error = await failureOf(testClient({ totalTimeoutMs: 300 }).get({ url: `${server.origin}/feed` }));
    expect(error.failure).toBe('timeout');
  });

  it('counts DNS toward the connect timeout', async () => {
    const client = testClient({ connectTimeoutMs: 200, resolve: () => new Promise<never>(() => undefined) });
    const error = await failureOf(client.get({ url: 'http://slow-dns.test/' }));
    expect(error.failure).toBe('timeout');
    expect(error.message).toBe('http://slow-dns.test/: could not connect within 0.2 s.');
  });
});

describe('the size cap', () => {
  const big = 'x'.repeat(64 * 1024);

  it('refuses a body whose Content-Length is over the cap, before reading it', async () => {
    const server = await testServer(
      routes({ '/big': { headers: { 'content-length': String(big.length) }, body: big } }),
    );
    const error = await failureOf(testClient({ maxBytes: 1000 }).get({ url: `${server.origin}/big` }));
    expect(error.failure).toBe('too-large');
    expect(error.message).toBe(`${server.origin}/big: the body is larger than 1000 bytes; reading stopped.`);
  });

  it('stops a chunked body without Content-Length at the cap', async () => {
    const server = await testServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      // Chunks keep coming for as long as the connection is open: only the cap ends this.
      const timer = setInterval(() => response.write(big), 1);
      response.on('close', () => clearInterval(timer));
    });
    const error = await failureOf(testClient().get({ url: `${server.origin}/endless`, maxBytes: 256 * 1024 }));
    expect(error.failure).toBe('too-large');
    expect(error.message).toContain('larger than 256 KiB');
  });

  it('takes the lower of the client cap and the request cap', async () => {
    const server = await testServer(routes({ '/small': { body: 'x'.repeat(2000) } }));
    const client = testClient({ maxBytes: 1000 });
    const error = await failureOf(client.get({ url: `${server.origin}/small`, maxBytes: 5000 }));
    expect(error.failure).toBe('too-large');
    await expect(client.get({ url: `${server.origin}/small`, maxBytes: 3000 })).rejects.toThrow(HttpError);
  });

  it('refuses a gzip bomb by its decompressed size', async () => {
    // 64 MiB of zeros in about 64 KiB (16 gzip members of 4 MiB each); the cap is 1 MiB.
    const bomb = Buffer.concat(Array<Buffer>(16).fill(gzipSync(Buffer.alloc(4 * 1024 * 1024))));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const server = await testServer(
      routes({
        '/bomb': { headers: { 'content-encoding': 'gzip', 'content-length': String(bomb.length) }, body: bomb },
      }),
    );
    const error = await failureOf(testClient({ maxBytes: 1024 * 1024 }).get({ url: `${server.origin}/bomb` }));
    expect(error.failure).toBe('too-large');
  });

  it('refuses a brotli bomb by its decompressed size', async () => {
    // Quality 1: the highest quality takes most of a second to squeeze 16 MiB of zeros, and gains nothing here.
    const bomb = brotliCompressSync(Buffer.alloc(16 * 1024 * 1024), {
      params: { [constants.BROTLI_PARAM_QUALITY]: 1 },
    });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const server = await testServer(routes({ '/bomb': { headers: { 'content-encoding': 'br' }, body: bomb } }));
    const error = await failureOf(testClient({ maxBytes: 1024 * 1024 }).get({ url: `${server.origin}/bomb` }));
    expect(error.failure).toBe('too-large');
  });
});

describe('HTTPS', () => {
  it('talks to a server whose certificate the given CA signed', async () => {
    const server = await testServer(routes({ '/feed': { body: FEED } }), { tls: true });
    const result = await testClient().get({ url: `${server.origin}/feed` });
    expect(result.kind === 'ok' && new TextDecoder().decode(result.body)).toBe(FEED);
  });

  it('keeps the host name for the certificate check when it connects to the resolved address', async () => {
    const server = await testServer(routes({ '/feed': { body: FEED } }), { tls: true });
    const port = new URL(server.origin).port;
    const client = testClient({ resolve: resolver({ localhost: ['127.0.0.1'] }) });
    await expect(client.get({ url: `https://localhost:${port}/feed` })).resolves.toMatchObject({ kind: 'ok' });
    // The certificate is for 127.0.0.1 and localhost only: another name on the same address fails the check.
    const other = testClient({ resolve: resolver({ 'feed.test': ['127.0.0.1'] }) });
    const error = await failureOf(other.get({ url: `https://feed.test:${port}/feed` }));
    expect(error.failure).toBe('network');
    expect(error.message).toContain('certificate');
  });

  it('refuses a certificate no trusted CA signed', async () => {
    const server = await testServer(routes({ '/feed': { body: FEED } }), { tls: true });
    const error = await failureOf(testClient({ ca: undefined }).get({ url: `${server.origin}/feed` }));
    expect(error.failure).toBe('network');
    expect(error.message).toContain('certificate');
  });
});

describe('userAgentFor and loopbackAllowed', () => {
  it('names Broadsheet and the site', () => {
    expect(userAgentFor('https://site.example')).toBe('Broadsheet/0.1 (+https://site.example/)');
    expect(userAgentFor(undefined)).toBe('Broadsheet/0.1');
    expect(userAgentFor('not a url')).toBe('Broadsheet/0.1');
  });

  it('turns loopback on for exactly "1"', () => {
    expect(loopbackAllowed({ BROADSHEET_FETCH_ALLOW_LOOPBACK: '1' })).toBe(true);
    for (const value of [undefined, '', '0', 'true', 'yes', ' 1', '1 ', '01']) {
      expect(loopbackAllowed({ BROADSHEET_FETCH_ALLOW_LOOPBACK: value })).toBe(false);
    }
    expect(loopbackAllowed({})).toBe(false);
  });
});
