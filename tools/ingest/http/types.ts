// The contract between intake's HTTP client and its callers (the feed run, full-text pages, image downloads). The
// client is the one place that talks to the network, so every rule for outside servers is kept in one module.

/** How the client behaves; every limit has a default that suits public news sites. */
export interface HttpClientOptions {
  /** The `User-Agent` header: names Broadsheet and the site's URL so an outlet can tell who is asking. */
  readonly userAgent: string;
  /** Allows 127.0.0.0/8 and ::1 and nothing else private: the testing switch `BROADSHEET_FETCH_ALLOW_LOOPBACK=1`. */
  readonly allowLoopback?: boolean | undefined;
  /** Milliseconds to open a connection (DNS and TLS included). */
  readonly connectTimeoutMs?: number | undefined;
  /** Milliseconds for a whole request, redirects and body included. */
  readonly totalTimeoutMs?: number | undefined;
  /** The largest body read, in bytes after decompression (default 5 MiB, like the importer). */
  readonly maxBytes?: number | undefined;
  /** Redirects followed before giving up (default 5). */
  readonly maxRedirects?: number | undefined;
  /** Milliseconds between two requests to the same host (one request at a time per host). */
  readonly hostPauseMs?: number | undefined;
  /** Hosts fetched in parallel. */
  readonly maxHostsInParallel?: number | undefined;
  /** Replaces DNS resolution, for tests: returns the addresses a host name resolves to. */
  readonly resolve?: ((hostname: string) => Promise<readonly string[]>) | undefined;
  /**
   * Extra trusted certificates (PEM text), added to Node's default store, for tests against a local HTTPS server.
   * Without it the default store is used as it is, NODE_EXTRA_CA_CERTS included.
   */
  readonly ca?: string | readonly string[] | undefined;
}

/** One GET. */
export interface HttpRequest {
  /** An `http:` or `https:` URL; anything else is refused before any connection. */
  readonly url: string;
  /** The `Accept` header. */
  readonly accept?: string | undefined;
  /** From the last 200: sent as `If-None-Match`. */
  readonly etag?: string | undefined;
  /** From the last 200: sent as `If-Modified-Since`. */
  readonly lastModified?: string | undefined;
  /** A lower size cap for this request, in bytes. */
  readonly maxBytes?: number | undefined;
}

/** What a GET came to, when the server answered in a way the caller can act on. */
export type HttpResult =
  | {
      readonly kind: 'ok';
      /** The URL after redirects. */
      readonly url: string;
      readonly body: Uint8Array;
      /** The `Content-Type` header as sent. */
      readonly contentType: string | undefined;
      readonly etag: string | undefined;
      readonly lastModified: string | undefined;
    }
  | {
      /** 304: the caller's copy is current; no body was read. */
      readonly kind: 'not-modified';
      readonly url: string;
    }
  | {
      /** 429 or 503: the server asked us to come back later. */
      readonly kind: 'retry-later';
      readonly url: string;
      readonly status: number;
      /** When to come back: from `Retry-After` (seconds or an HTTP date), else a default back-off. */
      readonly until: Date;
    };

/** Why a request failed: refused before sending, or an answer the caller cannot use. */
export type HttpFailure =
  | 'scheme' // not http: or https:
  | 'private-address' // the host is or resolves to a private, loopback or link-local address
  | 'too-many-redirects'
  | 'timeout'
  | 'too-large' // the body passed the size cap
  | 'status' // any other non-2xx status
  | 'network'; // DNS failure, connection refused, reset, TLS error

/** A failed request; the message names the URL and the reason in words a person can act on. */
export class HttpError extends Error {
  /** The kind of failure, for reports and tests. */
  readonly failure: HttpFailure;
  /** The URL that failed (after redirects, when one failed). */
  readonly url: string;
  /** The status code, when the server answered. */
  readonly status: number | undefined;
  constructor(failure: HttpFailure, url: string, message: string, status?: number) {
    super(message);
    this.name = 'HttpError';
    this.failure = failure;
    this.url = url;
    this.status = status;
  }
}

/** The client intake uses for every outside request. */
export interface HttpClient {
  /** GETs a URL under every rule above; throws an HttpError when it fails. */
  get(request: HttpRequest): Promise<HttpResult>;
  /** Whether the outlet's `robots.txt` lets Broadsheet's user agent fetch this page (read once per origin). */
  allowedByRobots(url: string): Promise<boolean>;
  /** Requests sent so far (each redirect hop and each robots.txt counts), for reports and benchmarks. */
  readonly requestCount: number;
  /** Closes the connections. */
  close(): Promise<void>;
}
