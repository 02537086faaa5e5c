// Link integrity of a built site: every internal href and src resolves to a file a static host would serve under the
// base path, every #fragment exists on its target page, and no absolute URL points at this machine.
// `npm run check:links` runs it on dist/ with the SITE_URL and BASE_PATH of the build; tests import checkLinks.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { siteLocationFromEnv } from '../src/lib/site-location.js';

/** What the site was built for. */
export interface LinkCheckOptions {
  /** The base path the site is served under: `/` or `/news/`. */
  readonly base: string;
  /** The public origin the site was built for (SITE_URL); absolute URLs on it are checked like internal links. */
  readonly siteUrl: string;
}

/** One link that would not work once deployed. */
export interface LinkProblem {
  /** The built file the link is in, relative to the output folder. */
  readonly file: string;
  /** The URL as written. */
  readonly url: string;
  /** What is wrong with it. */
  readonly reason: string;
}

/** The outcome of a link check. */
export interface LinkReport {
  /** Every problem found, in file order. */
  readonly problems: LinkProblem[];
  /** How many built files were read. */
  readonly files: number;
  /** How many internal URLs were resolved. */
  readonly internalLinks: number;
  /** How many of them carried a #fragment that was looked up. */
  readonly fragments: number;
}

// Files whose text is scanned for absolute URLs (HTML is also parsed for its relative links and ids).
const textExtensions = /\.(html|xml|xsl|opml|json|txt|webmanifest|css|rss|atom)$/i;
const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0']);
// Attributes whose URL the browser loads or navigates to; `cite` and `itemid` are only labels.
const urlAttributes = ['href', 'src', 'poster', 'action', 'formAction', 'data'] as const;
const srcsetAttributes = ['srcSet', 'imageSrcSet'] as const;

/** Checks every built file under `outDir` as a static host would serve it under `options.base`. */
export function checkLinks(outDir: string, options: LinkCheckOptions): LinkReport {
  const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
  const origin = new URL(options.siteUrl).origin;
  const forbidLoopback = !loopbackHosts.has(new URL(options.siteUrl).hostname);
  const files = listFiles(outDir);
  const idsByFile = new Map<string, Set<string>>();
  const problems: LinkProblem[] = [];
  const seen = new Set<string>();
  let internalLinks = 0;
  let fragments = 0;

  const report = (file: string, url: string, reason: string) => {
    const key = `${file}\u0000${url}\u0000${reason}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push({ file, url, reason });
  };

  const idsOf = (file: string): Set<string> => {
    let ids = idsByFile.get(file);
    if (!ids) {
      ids = new Set();
      visit(fromHtml(readFileSync(join(outDir, file), 'utf8')), 'element', (node) => {
        for (const id of anchorNames(node)) ids?.add(id);
      });
      idsByFile.set(file, ids);
    }
    return ids;
  };

  /** Checks one URL found in `file`, resolved against `documentUrl` (undefined: the file is served at any address). */
  const checkUrl = (file: string, written: string, documentUrl: URL | undefined) => {
    const value = written.trim();
    if (value === '' || (value.startsWith('#') && documentUrl === undefined && !file.endsWith('.html'))) return;
    if (/^[a-z][a-z\d+.-]*:/i.test(value) && !/^https?:/i.test(value)) return;
    const isAbsolute = /^https?:/i.test(value) || value.startsWith('//');
    if (!isAbsolute && !value.startsWith('/') && !value.startsWith('#') && documentUrl === undefined) {
      report(file, written, 'relative URL in a page served at any address (404 page); write it from the root');
      return;
    }
    let target: URL;
    try {
      target = new URL(value, documentUrl ?? new URL(base, origin));
    } catch {
      report(file, written, 'not a valid URL');
      return;
    }
    if (forbidLoopback && loopbackHosts.has(target.hostname)) {
      report(file, written, `points at this machine; the site was built for ${origin}`);
      return;
    }
    if (target.origin !== origin) return;
    internalLinks += 1;
    const served = servedFile(outDir, base, target.pathname);
    if ('problem' in served) {
      report(file, written, served.problem);
      return;
    }
    const fragment = target.hash.slice(1);
    if (fragment === '' || !served.file.endsWith('.html') || /^top$/i.test(fragment) || fragment.startsWith(':~:'))
      return;
    fragments += 1;
    const ids = idsOf(served.file);
    if (!ids.has(fragment) && !ids.has(safeDecode(fragment))) {
      report(file, written, `no element with id "${safeDecode(fragment)}" on ${served.file}`);
    }
  };

  for (const file of files) {
    if (!textExtensions.test(file)) continue;
    const text = readFileSync(join(outDir, file), 'utf8');
    const isErrorPage = /(^|\/)404\.html$/.test(file);
    const documentUrl = isErrorPage ? undefined : new URL(`${base}${file.replace(/(^|\/)index\.html$/, '$1')}`, origin);

    if (file.endsWith('.html')) {
      const ids = idsOf(file);
      visit(fromHtml(text), 'element', (node) => {
        for (const attribute of urlAttributes) {
          const value = node.properties[attribute];
          if (typeof value !== 'string') continue;
          if (value.startsWith('#') && value.length > 1) {
            const fragment = value.slice(1);
            if (!/^top$/i.test(fragment) && !ids.has(fragment) && !ids.has(safeDecode(fragment))) {
              report(file, value, `no element with id "${safeDecode(fragment)}" on this page`);
            }
            continue;
          }
          checkUrl(file, value, documentUrl);
        }
        for (const attribute of srcsetAttributes) {
          const value = node.properties[attribute];
          const candidates = Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : '';
          for (const candidate of candidates.split(',')) {
            const url = candidate.trim().split(/\s+/)[0];
            if (url) checkUrl(file, url, documentUrl);
          }
        }
      });
    } else if (/\.(xml|xsl|opml|rss|atom)$/i.test(file)) {
      // Feed readers resolve relative links in item content against the feed's own address.
      const decoded = decodeEntities(text);
      for (const match of decoded.matchAll(/\b(?:href|src)\s*=\s*["']([^"']+)["']/g)) {
        const url = match[1];
        if (url !== undefined && !/^(https?:)?\/\//i.test(url)) checkUrl(file, url, documentUrl);
      }
    } else if (file.endsWith('.css')) {
      for (const match of text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
        const url = match[1];
        if (url !== undefined && !url.startsWith('data:')) checkUrl(file, url, documentUrl);
      }
    }

    for (const url of absoluteUrls(text)) checkUrl(file, url, documentUrl);
  }

  return { problems, files: files.length, internalLinks, fragments };
}

/** Formats problems one per line, for test failures and the command line. */
export function formatProblems(problems: readonly LinkProblem[]): string {
  return problems.map(({ file, url, reason }) => `${file}: ${url} (${reason})`).join('\n');
}

/** The built file a static host serves for a URL path, or why there is none. */
export function servedFile(outDir: string, base: string, pathname: string): { file: string } | { problem: string } {
  if (!pathname.startsWith(base)) {
    return {
      problem:
        pathname === base.slice(0, -1)
          ? `missing trailing slash: the site is at ${base}`
          : `outside the base path ${base}`,
    };
  }
  let path: string;
  try {
    path = decodeURIComponent(pathname.slice(base.length));
  } catch {
    return { problem: 'malformed percent-escape' };
  }
  const isFile = (candidate: string) =>
    existsSync(join(outDir, candidate)) && statSync(join(outDir, candidate)).isFile();
  if (path === '' || path.endsWith('/')) {
    return isFile(`${path}index.html`) ? { file: `${path}index.html` } : { problem: 'no such page' };
  }
  if (isFile(path)) return { file: path };
  if (isFile(`${path}/index.html`))
    return { problem: 'missing trailing slash (costs a redirect, and relative links break)' };
  return { problem: 'no such file' };
}

function listFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else found.push(relative(dir, path).split('\\').join('/'));
    }
  };
  walk(dir);
  return found.sort();
}

/** The ids a fragment can reach in one element: its `id`, and the `name` of an `<a>` (the old anchor form). */
function anchorNames(node: Element): string[] {
  const names: string[] = [];
  const { id, name } = node.properties;
  if (typeof id === 'string') names.push(id);
  if (node.tagName === 'a' && typeof name === 'string') names.push(name);
  return names;
}

/** Every http(s) URL written out in a text, after undoing HTML/XML entities and JSON's escaped slashes. */
function absoluteUrls(text: string): string[] {
  const plain = decodeEntities(text).replace(/\\\//g, '/');
  return [...plain.matchAll(/https?:\/\/[^\s"'<>`\\)}]+/gi)].map((match) => match[0].replace(/[.,;:!?]+$/, ''));
}

function decodeEntities(text: string): string {
  return text
    .replace(/&(quot|#34|#x22);/gi, '"')
    .replace(/&(apos|#39|#x27);/gi, "'")
    .replace(/&(lt|#60|#x3c);/gi, '<')
    .replace(/&(gt|#62|#x3e);/gi, '>')
    .replace(/&(amp|#38|#x26);/gi, '&');
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outDir = process.argv[2] ?? 'dist';
  const location = siteLocationFromEnv(process.env);
  const { problems, files, internalLinks, fragments } = checkLinks(outDir, {
    base: location.base,
    siteUrl: location.url,
  });
  console.log(
    `Checked ${files} files in ${outDir}/ for ${location.url}${location.base}: ${internalLinks} internal links, ${fragments} fragments.`,
  );
  if (problems.length > 0) {
    console.error(`${problems.length} broken:\n${formatProblems(problems)}`);
    process.exit(1);
  }
}
