// The offline-reading service worker, written here in TypeScript and served as one classic script by
// src/pages/sw.js.ts. Its helpers are pure and tested in Node (tests/unit/reader-offline.test.ts); the worker's
// text is those functions' own source (Function.prototype.toString), so every function here that the worker runs
// must be self-contained: it may use its parameters, the worker's globals and the other functions listed in
// `workerFunctions`, never an import or a module-level constant.
//
// Caches (all named `broadsheet-*`):
// - `broadsheet-shell-<build>`: the offline page, the front page, the newest articles and what the front page loads;
//   filled when a build's worker installs, deleted when the next build's worker activates;
// - `broadsheet-pages`: every page the reader opened, at most `keptPages`, the least recently opened dropped first;
// - `broadsheet-assets`: hashed build files (`_astro/`), cache first, at most `keptAssets`.

/** What one build's worker knows, written into its script at build time. */
export interface WorkerConfig {
  /** A hash of the build's content and code: a new value makes browsers install the new worker. */
  readonly build: string;
  /** The site's base path, such as `/` or `/news/`: the worker's scope. */
  readonly base: string;
  /** The offline page's path. */
  readonly offlinePage: string;
  /** The pages and files saved on install besides the newest articles: the front page, the favicon. */
  readonly shell: readonly string[];
  /** The newest articles' paths, newest first. */
  readonly articles: readonly string[];
  /** How many opened pages are kept. */
  readonly keptPages: number;
  /** How many build files are kept. */
  readonly keptAssets: number;
  /** Paths (with the base) whose pages are never kept, such as the search page: they need the network. */
  readonly notKept: readonly string[];
  /** Paths (with the base) the worker leaves alone, such as the search index. */
  readonly passThrough: readonly string[];
  /** The site's title, taken off page titles in the offline page's list. */
  readonly siteTitle: string;
  /** Where the page script stores the reader's text size for the worker (a key in `broadsheet-settings`). */
  readonly textSizeKey: string;
}

/** How the worker answers a request. */
export type RequestRoute = 'page' | 'asset' | 'file' | 'pass';

/**
 * How the worker answers a request: `page` (a navigation: network first, then the kept copy, then the offline
 * page), `asset` (a hashed build file: cache first), `file` (another file of the site: network first, then any
 * copy) or `pass` (not the worker's business: another host, another method, outside the base, left alone).
 */
export function requestRoute(
  request: { readonly url: string; readonly method: string; readonly mode: string },
  origin: string,
  config: Pick<WorkerConfig, 'base' | 'passThrough'>,
): RequestRoute {
  if (request.method !== 'GET') return 'pass';
  const url = new URL(request.url);
  if (url.origin !== origin || !url.pathname.startsWith(config.base)) return 'pass';
  if (url.pathname === `${config.base}sw.js`) return 'pass';
  if (config.passThrough.some((path) => url.pathname.startsWith(path))) return 'pass';
  if (request.mode === 'navigate') return 'page';
  if (url.pathname.startsWith(`${config.base}_astro/`)) return 'asset';
  return 'file';
}

/** Whether a page response may be kept: a plain same-origin HTML 200 without a query, outside `notKept`. */
export function isKeptPage(
  url: string,
  response: { readonly status: number; readonly type: string; readonly contentType: string },
  notKept: readonly string[],
): boolean {
  const parsed = new URL(url);
  return (
    response.status === 200 &&
    response.type === 'basic' &&
    /^text\/html\b/i.test(response.contentType) &&
    parsed.search === '' &&
    !notKept.some((path) => parsed.pathname.startsWith(path))
  );
}

/** The entries to delete from a cache listed oldest first so that at most `limit` remain: the oldest ones. */
export function entriesOverLimit<T>(entries: readonly T[], limit: number): T[] {
  return entries.slice(0, Math.max(0, entries.length - Math.max(0, limit)));
}

/** The hashed build files (`<base>_astro/…`) a page's HTML refers to in `src` and `href`, each once. */
export function buildFilesIn(html: string, base: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/\s(?:src|href)="([^"]+)"/g)) {
    const value = match[1] ?? '';
    if (value.startsWith(`${base}_astro/`)) found.add(value);
  }
  return [...found];
}

/** A page's title from its HTML, its entities read and the site's name (` · <site>`) taken off. */
export function pageTitleIn(html: string, siteTitle: string): string {
  const raw = /<title>([^<]*)<\/title>/i.exec(html)?.[1] ?? '';
  const text = raw
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([\da-f]+);/gi, (_, code: string) => String.fromCodePoint(Number.parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
  const suffix = ` · ${siteTitle}`;
  return text.endsWith(suffix) ? text.slice(0, -suffix.length) : text;
}

/** The offline page with its list of saved pages filled in (the `<ul data-offline-list>`), text and URLs escaped. */
export function withOfflineList(
  html: string,
  pages: readonly { readonly path: string; readonly title: string }[],
): string {
  const escapeHtml = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const items = pages.map(
    (page) => `<li><a href="${escapeHtml(page.path)}">${escapeHtml(page.title || page.path)}</a></li>`,
  );
  return html.replace(
    /(<ul\b[^>]*\bdata-offline-list\b[^>]*>)[\s\S]*?(<\/ul>)/,
    (_, open: string, close: string) => `${open}${items.join('')}${close}`,
  );
}

/**
 * The page's HTML with `className` added to its `<html>` element. The worker serves pages so when the reader chose a
 * text size, so that the page is laid out at that size from its first paint.
 */
export function withRootClass(html: string, className: string): string {
  return html.replace(/<html\b([^>]*)>/i, (tag: string, attributes: string) =>
    /\sclass="/i.test(attributes)
      ? tag.replace(/\sclass="([^"]*)"/i, (_: string, existing: string) => ` class="${existing} ${className}"`)
      : `<html${attributes} class="${className}">`,
  );
}

/** The parts of a service worker's global scope the worker uses. */
interface WorkerScope {
  readonly location: { readonly origin: string };
  readonly clients: {
    claim(): Promise<void>;
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<readonly { readonly url: string }[]>;
  };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: WaitableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchLikeEvent) => void): void;
}

interface WaitableEvent {
  waitUntil(promise: Promise<unknown>): void;
}

interface FetchLikeEvent extends WaitableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}

/** The worker itself: its install, activate and fetch handlers. Runs in the service worker, never in Node. */
export function runServiceWorker(worker: WorkerScope, config: WorkerConfig): void {
  const shellName = `broadsheet-shell-${config.build}`;
  const pagesName = 'broadsheet-pages';
  const assetsName = 'broadsheet-assets';
  const settingsName = 'broadsheet-settings';
  const origin = worker.location.origin;

  // A response whose body the worker replaced: its length and encoding no longer describe it.
  const rewritten = (response: Response, html: string) => {
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    headers.delete('content-encoding');
    return new Response(html, { status: response.status, statusText: response.statusText, headers });
  };

  // The page at the reader's text size (stored by the page script, see src/scripts/reader/text-size.ts).
  const sized = async (response: Response) => {
    if (!response.ok || !/^text\/html\b/i.test(response.headers.get('content-type') ?? '')) return response;
    const stored = await caches.match(config.textSizeKey, { cacheName: settingsName });
    const size = stored ? (await stored.text()).trim() : '';
    if (size !== 'smaller' && size !== 'larger') return response;
    return rewritten(response, withRootClass(await response.text(), `reader-text-${size}`));
  };

  const put = async (cacheName: string, key: string, response: Response, limit: number) => {
    const cache = await caches.open(cacheName);
    // Deleted first, so that a page opened again counts as the newest.
    await cache.delete(key);
    await cache.put(key, response);
    const keys = await cache.keys();
    await Promise.all(entriesOverLimit(keys, limit).map((request) => cache.delete(request)));
  };

  const keepPage = async (url: string, response: Response) => {
    const contentType = response.headers.get('content-type') ?? '';
    if (!isKeptPage(url, { status: response.status, type: response.type, contentType }, config.notKept)) return;
    await put(pagesName, url, response, config.keptPages);
  };

  const saveBuildFiles = async (html: string) => {
    const assets = await caches.open(assetsName);
    for (const path of buildFilesIn(html, config.base)) {
      if (await assets.match(path)) continue;
      try {
        const response = await fetch(path);
        if (response.ok) await put(assetsName, new URL(path, origin).href, response, config.keptAssets);
      } catch {
        // Offline again: the page still reads without it.
      }
    }
  };

  const install = async () => {
    const shell = await caches.open(shellName);
    const offline = await fetch(config.offlinePage, { cache: 'no-cache' });
    if (!offline.ok) throw new Error(`${config.offlinePage} answered ${offline.status}`);
    await shell.put(config.offlinePage, offline.clone());
    await saveBuildFiles(await offline.text());
    await Promise.all(
      [...config.shell, ...config.articles].map(async (path) => {
        try {
          const response = await fetch(path, { cache: 'no-cache' });
          if (response.ok && response.type === 'basic') await shell.put(path, response);
        } catch {
          // One page that cannot be saved now is not worth failing the install for.
        }
      }),
    );
    await worker.skipWaiting();
  };

  const activate = async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('broadsheet-shell-') && name !== shellName) await caches.delete(name);
    }
    // The pages this build just saved are fresher than the copies kept from before it.
    const shell = await caches.open(shellName);
    const pages = await caches.open(pagesName);
    for (const request of await shell.keys()) await pages.delete(request.url);
    await worker.clients.claim();
    // The page that registered the worker was loaded without it: keep it too.
    for (const client of await worker.clients.matchAll({ type: 'window', includeUncontrolled: true })) {
      if (requestRoute({ url: client.url, method: 'GET', mode: 'navigate' }, origin, config) !== 'page') continue;
      try {
        await keepPage(client.url, await fetch(client.url));
      } catch {
        // Offline: it is kept the next time it is opened.
      }
    }
  };

  const savedPages = async () => {
    const found = new Map<string, string>();
    const pages = await caches.open(pagesName);
    const shell = await caches.open(shellName);
    const kept = [...(await pages.keys())].reverse();
    const saved = (await shell.keys()).filter((request) => new URL(request.url).pathname.endsWith('/'));
    for (const request of [...kept, ...saved]) {
      const path = new URL(request.url).pathname;
      if (found.has(path) || path === config.offlinePage) continue;
      const response = (await pages.match(request)) ?? (await shell.match(request));
      found.set(path, response ? pageTitleIn(await response.text(), config.siteTitle) : path);
    }
    return [...found.entries()].map(([path, title]) => ({ path, title }));
  };

  const offlineAnswer = async () => {
    const offline = await caches.match(config.offlinePage, { cacheName: shellName });
    if (!offline) return Response.error();
    return rewritten(offline, withOfflineList(await offline.text(), await savedPages()));
  };

  const page = async (event: FetchLikeEvent) => {
    try {
      const response = await fetch(event.request);
      event.waitUntil(keepPage(event.request.url, response.clone()).catch(() => undefined));
      return await sized(response);
    } catch {
      const kept =
        (await caches.match(event.request.url, { cacheName: pagesName })) ??
        (await caches.match(event.request.url, { cacheName: shellName }));
      return sized(kept ?? (await offlineAnswer()));
    }
  };

  const asset = async (event: FetchLikeEvent) => {
    const cached = await caches.match(event.request);
    if (cached) return cached;
    const response = await fetch(event.request);
    if (response.ok && response.type === 'basic') {
      event.waitUntil(put(assetsName, event.request.url, response.clone(), config.keptAssets).catch(() => undefined));
    }
    return response;
  };

  const file = async (event: FetchLikeEvent) => {
    try {
      return await fetch(event.request);
    } catch (error) {
      const cached = await caches.match(event.request);
      if (cached) return cached;
      throw error;
    }
  };

  worker.addEventListener('install', (event) => event.waitUntil(install()));
  worker.addEventListener('activate', (event) => event.waitUntil(activate()));
  worker.addEventListener('fetch', (event) => {
    const route = requestRoute(event.request, origin, config);
    if (route === 'page') event.respondWith(page(event));
    else if (route === 'asset') event.respondWith(asset(event));
    else if (route === 'file') event.respondWith(file(event));
  });
}

/** Every function the worker's script carries, the worker last. */
const workerFunctions = [
  requestRoute,
  isKeptPage,
  entriesOverLimit,
  buildFilesIn,
  pageTitleIn,
  withOfflineList,
  withRootClass,
  runServiceWorker,
] as const;

/** The worker's script for one build: its functions' source, then a call with the build's configuration. */
export function serviceWorkerSource(config: WorkerConfig): string {
  const functions = workerFunctions.map((fn) => `const ${fn.name} = ${fn.toString()};`);
  return [
    '// Broadsheet offline reading (docs/reader.md). Generated at build time by src/pages/sw.js.ts.',
    "'use strict';",
    ...functions,
    `${runServiceWorker.name}(self, ${JSON.stringify(config)});`,
    '',
  ].join('\n');
}

/**
 * The script served when the reader layer is off: a worker that a browser which installed an earlier build's worker
 * fetches on its next visit, and which deletes Broadsheet's caches and unregisters itself. No page registers it.
 */
export function retiringWorkerSource(): string {
  return [
    "// Broadsheet offline reading is turned off (docs/reader.md): this removes an earlier build's worker.",
    "'use strict';",
    'self.addEventListener("install", (event) => event.waitUntil(self.skipWaiting()));',
    'self.addEventListener("activate", (event) => event.waitUntil((async () => {',
    '  for (const name of await caches.keys()) if (name.startsWith("broadsheet-")) await caches.delete(name);',
    '  await self.registration.unregister();',
    '})()));',
    '',
  ].join('\n');
}
