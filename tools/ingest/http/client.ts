// Intake's HTTP client: every request to an outside server goes through here, under one set of rules (public
// addresses only, a size cap, timeouts, manual redirects, politeness per host, robots.txt). It uses undici 8 with its
// own Agent rather than Node's global fetch, because the address guard has to sit in the Agent's connector.
import { STATUS_CODES } from 'node:http';
import { isIP } from 'node:net';
import { Agent, request as undiciRequest } from 'undici';
import { siteLocationFromEnv } from '../../../src/lib/site-location';
import { addressAllowed, withoutBrackets } from './address-guard';
import { BodyTooLargeError, readBody, UnsupportedEncodingError } from './body';
import { guardedConnector, NoAddressError, PrivateAddressError } from './connector';
import { HostQueue } from './host-queue';
import { retryAfterUntil } from './retry-after';
import { createRobotsCheck, ROBOTS_MAX_BYTES } from './robots';
import { type HttpClient, type HttpClientOptions, HttpError, type HttpRequest, type HttpResult } from './types';

/** Long enough for a slow server on another continent, short enough that one dead host does not stall a run. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
/** A feed or a page that takes longer than this, redirects and body included, is not worth waiting for. */
export const DEFAULT_TOTAL_TIMEOUT_MS = 30_000;
/** The importer's cap too: far above any real feed, page or photo, far below what would strain memory. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** Browsers allow about 20; a feed that needs more than 5 hops is misconfigured or a trap. */
export const DEFAULT_MAX_REDIRECTS = 5;
/** One request a second to a host is the usual courtesy for crawlers. */
export const DEFAULT_HOST_PAUSE_MS = 1000;
/** Enough to keep a run of many outlets moving without a burst of connections from one machine. */
export const DEFAULT_MAX_HOSTS_IN_PARALLEL = 4;
/** The codings `readBody` undoes. */
const ACCEPT_ENCODING = 'gzip, deflate, br';
/** The product token and version in the User-Agent. */
const PRODUCT = 'Broadsheet/0.1';
const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** The User-Agent Broadsheet sends: the product and, when known, the site's URL, so an outlet can tell who asks. */
export function userAgentFor(siteUrl: string | undefined): string {
  if (siteUrl === undefined || siteUrl.trim() === '') return PRODUCT;
  try {
    return `${PRODUCT} (+${new URL(siteUrl).href})`;
  } catch {
    return PRODUCT;
  }
}

/** Whether the testing switch `BROADSHEET_FETCH_ALLOW_LOOPBACK` is on: exactly `1`, nothing else. */
export function loopbackAllowed(environment: Readonly<Record<string, string | undefined>>): boolean {
  return environment['BROADSHEET_FETCH_ALLOW_LOOPBACK'] === '1';
}

/**
 * The client a command makes from its environment: its User-Agent names the site (SITE_URL, when the build would
 * accept it; a value the build refuses is the build's to report) and loopback addresses are refused unless the
 * testing switch is on. `overrides` are laid over those options (a test server's `ca`, no pause between requests).
 */
export function httpClientFor(
  environment: Readonly<Record<string, string | undefined>>,
  overrides: Partial<HttpClientOptions> = {},
): HttpClient {
  let siteUrl: string | undefined;
  try {
    siteUrl = siteLocationFromEnv(environment).url;
  } catch {
    siteUrl = undefined;
  }
  return createHttpClient({
    userAgent: userAgentFor(siteUrl),
    allowLoopback: loopbackAllowed(environment),
    ...overrides,
  });
}

/** What one request (one hop of a redirect chain) came to. */
type Hop =
  | { readonly kind: 'result'; readonly result: HttpResult }
  | { readonly kind: 'redirect'; readonly status: number; readonly location: string | undefined };

/** Creates the client; call `close()` when done so its connections do not keep the process alive. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const allowLoopback = options.allowLoopback ?? false;
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const totalTimeoutMs = options.totalTimeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const agent = new Agent({
    connect: guardedConnector({ allowLoopback, connectTimeoutMs, resolve: options.resolve, ca: options.ca }),
    // The client's own total timer ends requests first; undici's timers only back it up.
    headersTimeout: totalTimeoutMs,
    bodyTimeout: totalTimeoutMs,
  });
  const queue = new HostQueue({
    pauseMs: options.hostPauseMs ?? DEFAULT_HOST_PAUSE_MS,
    maxHostsInParallel: options.maxHostsInParallel ?? DEFAULT_MAX_HOSTS_IN_PARALLEL,
  });
  let requestCount = 0;

  /** Sends one GET and reads what is needed of the answer, within `budgetMs`. */
  async function send(url: URL, request: HttpRequest, cap: number, budgetMs: number): Promise<Hop> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, budgetMs);
    let sent = true;
    try {
      const response = await undiciRequest(url, {
        method: 'GET',
        dispatcher: agent,
        signal: controller.signal,
        headers: {
          'user-agent': options.userAgent,
          accept: request.accept ?? '*/*',
          'accept-encoding': ACCEPT_ENCODING,
          ...(request.etag === undefined ? {} : { 'if-none-match': request.etag }),
          ...(request.lastModified === undefined ? {} : { 'if-modified-since': request.lastModified }),
        },
      });
      const { statusCode: status, headers, body } = response;
      if (status >= 200 && status < 300) {
        const length = Number(header(headers['content-length']));
        if (Number.isFinite(length) && length > cap) {
          // Refused before reading a byte of it.
          body.destroy();
          throw new BodyTooLargeError(cap);
        }
        return {
          kind: 'result',
          result: {
            kind: 'ok',
            url: url.href,
            body: await readBody(body, headers['content-encoding'], cap),
            contentType: header(headers['content-type']),
            etag: header(headers['etag']),
            lastModified: header(headers['last-modified']),
          },
        };
      }
      // Whatever else the server sent is not read, only drained (a little) so the connection can be reused.
      await body.dump().catch(() => undefined);
      if (REDIRECT_STATUSES.has(status)) return { kind: 'redirect', status, location: header(headers['location']) };
      if (status === 304) return { kind: 'result', result: { kind: 'not-modified', url: url.href } };
      if (status === 429 || status === 503) {
        const until = retryAfterUntil(header(headers['retry-after']), new Date());
        return { kind: 'result', result: { kind: 'retry-later', url: url.href, status, until } };
      }
      throw new HttpError('status', url.href, `${url.href}: the server answered ${statusText(status)}.`, status);
    } catch (error) {
      if (error instanceof PrivateAddressError || error instanceof NoAddressError) sent = false;
      throw toHttpError(error, url.href, timedOut ? totalTimeoutMs : undefined, connectTimeoutMs);
    } finally {
      clearTimeout(timer);
      if (sent) requestCount += 1;
    }
  }

  async function get(request: HttpRequest): Promise<HttpResult> {
    let url = httpUrl(request.url);
    const cap = Math.min(maxBytes, request.maxBytes ?? maxBytes);
    // The total timeout counts time spent on requests, not time waiting in the politeness queue: a run with many
    // pages from one outlet would otherwise time out while waiting its turn.
    let budgetMs = totalTimeoutMs;
    for (let redirects = 0; ; redirects += 1) {
      refusePrivateLiteral(url, allowLoopback);
      if (budgetMs <= 0) throw timeoutError(url.href, totalTimeoutMs);
      const startedAt = performance.now();
      const hop = await queue.run(url.hostname, async () => {
        const waited = performance.now() - startedAt;
        try {
          return await send(url, request, cap, budgetMs);
        } finally {
          budgetMs -= performance.now() - startedAt - waited;
        }
      });
      if (hop.kind === 'result') return hop.result;
      if (hop.location === undefined) {
        throw new HttpError(
          'status',
          url.href,
          `${url.href}: the server answered ${statusText(hop.status)} without saying where to.`,
          hop.status,
        );
      }
      if (redirects >= maxRedirects) {
        throw new HttpError(
          'too-many-redirects',
          url.href,
          `${url.href}: redirected more than ${maxRedirects} times (starting from ${request.url}); gave up.`,
        );
      }
      url = redirectTarget(url, hop.location);
    }
  }

  const allowedByRobots = createRobotsCheck(async (robotsUrl) => {
    try {
      const result = await get({ url: robotsUrl, accept: 'text/plain', maxBytes: ROBOTS_MAX_BYTES });
      return result.kind === 'ok' ? new TextDecoder().decode(result.body) : undefined;
    } catch {
      // 4xx, 5xx, a refused address, a network failure: no rules to follow (see RobotsFetcher).
      return undefined;
    }
  });

  return {
    get,
    allowedByRobots,
    get requestCount() {
      return requestCount;
    },
    close: () => agent.close(),
  };
}

/** Parses a URL the caller gave and refuses anything but http: and https: before any connection. */
function httpUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new HttpError('scheme', text, `${text}: refused: this is not a valid URL.`);
  }
  refuseScheme(url, undefined);
  return url;
}

function redirectTarget(from: URL, location: string): URL {
  let url: URL;
  try {
    url = new URL(location, from);
  } catch {
    throw new HttpError('scheme', from.href, `${from.href}: refused: redirected to "${location}", not a valid URL.`);
  }
  refuseScheme(url, from);
  return url;
}

function refuseScheme(url: URL, from: URL | undefined): void {
  if (url.protocol === 'http:' || url.protocol === 'https:') return;
  const via = from === undefined ? '' : ` (redirected from ${from.href})`;
  throw new HttpError('scheme', url.href, `${url.href}: refused: only http and https URLs are fetched${via}.`);
}

/** An IP literal is refused before queueing; host names are checked after DNS, in the connector. */
function refusePrivateLiteral(url: URL, allowLoopback: boolean): void {
  const host = withoutBrackets(url.hostname);
  if (isIP(host) !== 0 && !addressAllowed(host, { allowLoopback })) {
    throw privateError(url.href, `the address ${host} is private`);
  }
}

function privateError(url: string, what: string): HttpError {
  return new HttpError('private-address', url, `${url}: refused: ${what} (only public addresses are fetched).`);
}

function timeoutError(url: string, totalTimeoutMs: number): HttpError {
  return new HttpError('timeout', url, `${url}: the server did not answer within ${seconds(totalTimeoutMs)}.`);
}

/** Turns whatever undici, DNS, TLS or zlib threw into an HttpError whose message a person can act on. */
function toHttpError(
  error: unknown,
  url: string,
  timedOutAfterMs: number | undefined,
  connectTimeoutMs: number,
): HttpError {
  if (error instanceof HttpError) return error;
  if (timedOutAfterMs !== undefined) return timeoutError(url, timedOutAfterMs);
  if (error instanceof PrivateAddressError) return privateError(url, error.message);
  if (error instanceof BodyTooLargeError) {
    return new HttpError('too-large', url, `${url}: the body is larger than ${bytes(error.limit)}; reading stopped.`);
  }
  const code = errorCode(error);
  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new HttpError('timeout', url, `${url}: could not connect within ${seconds(connectTimeoutMs)}.`);
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new HttpError('timeout', url, `${url}: the server stopped answering.`);
  }
  return new HttpError('network', url, `${url}: ${networkProblem(error, code)}.`);
}

function networkProblem(error: unknown, code: string | undefined): string {
  if (error instanceof NoAddressError) return `the host name does not resolve (${error.code})`;
  if (error instanceof UnsupportedEncodingError) return error.message;
  if (code === 'ECONNREFUSED') return 'the server refused the connection';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') {
    return 'the connection was closed before the answer was complete';
  }
  if (code?.startsWith('Z_')) return `the compressed body is damaged (${code})`;
  if (code !== undefined && /CERT|SELF_SIGNED|ERR_TLS|UNABLE_TO_(GET|VERIFY)/.test(code)) {
    return `the server's TLS certificate was not accepted (${code})`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `the request failed (${code === undefined ? message : `${code}: ${message}`})`;
}

/** The code of an error or of its cause (undici wraps some). */
function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 3; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  return undefined;
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function statusText(status: number): string {
  const text = STATUS_CODES[status];
  return text === undefined ? String(status) : `${status} ${text}`;
}

function seconds(ms: number): string {
  return `${ms / 1000} s`;
}

function bytes(count: number): string {
  if (count % (1024 * 1024) === 0) return `${count / (1024 * 1024)} MiB`;
  if (count % 1024 === 0) return `${count / 1024} KiB`;
  return `${count} bytes`;
}
