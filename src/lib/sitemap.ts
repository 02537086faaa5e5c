import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { Parser } from 'htmlparser2';
import { fileStamp } from '@/lib/build/file-stamp';

// The sitemap lists exactly the pages that ask to be indexed, read from the pages themselves: a built page's
// <meta name="robots"> and <link rel="canonical"> are what search engines see, so the sitemap cannot disagree with
// them. An article's lastmod is its `article:modified_time` (its `updated`, else its `date`).

/** What a built page says about being indexed. */
export interface PageIndexing {
  /** Whether the page may be indexed: no `noindex`, and no canonical address other than its own. */
  readonly indexable: boolean;
  /** When it last changed (RFC 3339), for article pages. */
  readonly lastmod: string | undefined;
}

/**
 * What the `<head>` of a page at `pageUrl` says about indexing. htmlparser2's tokenizer reads the tags (and skips the
 * inlined CSS and JSON-LD as raw text) without building a tree: parse5 through hast, a tree for every page, was one
 * of a rebuild's hot spots (bench/JOURNAL.md#before-and-after).
 */
export function pageIndexing(headHtml: string, pageUrl: string): PageIndexing {
  let noindex = false;
  let canonical: string | undefined;
  let lastmod: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'meta') {
          const content = attributes['content'] ?? '';
          if ((attributes['name'] ?? '').toLowerCase() === 'robots' && /\bnoindex\b|\bnone\b/i.test(content))
            noindex = true;
          if (attributes['property'] === 'article:modified_time' && content) lastmod = content;
        }
        const rel = (attributes['rel'] ?? '').toLowerCase().split(/\s+/);
        if (name === 'link' && rel.includes('canonical') && attributes['href'] !== undefined) {
          canonical = new URL(attributes['href'], pageUrl).href;
        }
      },
    },
    { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true },
  );
  parser.end(headHtml);
  return { indexable: !noindex && (canonical === undefined || canonical === pageUrl), lastmod };
}

/** The built HTML file of a page URL under `outDir`, or undefined when the URL is not an HTML page of the site. */
export function builtPageFile(outDir: string, pageUrl: string, siteBaseUrl: string): string | undefined {
  const page = new URL(pageUrl);
  const root = new URL(siteBaseUrl);
  if (page.origin !== root.origin || !page.pathname.startsWith(root.pathname)) return undefined;
  const path = decodeURIComponent(page.pathname.slice(root.pathname.length));
  if (path.endsWith('/') || path === '') return join(outDir, path, 'index.html');
  return path.endsWith('.html') ? join(outDir, path) : undefined;
}

/**
 * The `<head>` of an HTML file (read only as far as `</head>`, so large pages cost little). Synchronous on purpose:
 * the sitemap asks for one page after another, and each asynchronous open, read and close waited for Node's thread
 * pool, so on a large site the sitemap took many times longer that way (bench/JOURNAL.md#before-and-after); the
 * build has nothing else to do meanwhile.
 */
export function readHead(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const chunk = Buffer.alloc(16_384);
    const decoder = new StringDecoder('utf8');
    let head = '';
    for (;;) {
      const bytesRead = readSync(fd, chunk, 0, chunk.length, null);
      if (bytesRead === 0) return head + decoder.end();
      head += decoder.write(chunk.subarray(0, bytesRead));
      const end = head.indexOf('</head>');
      if (end !== -1) return head.slice(0, end + '</head>'.length);
    }
  } finally {
    closeSync(fd);
  }
}

// Reading every page's head was most of a rebuild's sitemap (docs/performance.md#how-it-stays-fast), although a
// rebuild keeps nearly every page of the last build untouched in the output folder
// (integrations/fast-build/output-folder.ts). So what each page said is remembered with its file's stamp (size,
// modification time in nanoseconds, inode) and read again only when the file changed. The remembered answers carry a
// hash of pageIndexing's own code, so a change in how heads are read forgets them all.

/** What was read from one page: the stamp of its file then, whether it is indexable, and its lastmod. */
export type RememberedPage = readonly [stamp: string, indexable: boolean, lastmod: string | null];

/** The remembered pages of one build, by page URL, as saved between builds. */
export interface PageIndexingMemory {
  /** A hash of the code that read the pages; answers from other code are not used. */
  readonly code: string;
  /** What each page said, by its absolute URL. */
  readonly pages: Readonly<Record<string, RememberedPage>>;
}

const PAGE_INDEXING_CODE = createHash('sha256').update(pageIndexing.toString()).digest('base64url');

/** Reads the memory saved by the last build; empty when there is none, it cannot be read, or other code wrote it. */
export function readPageIndexingMemory(file: string): Readonly<Record<string, RememberedPage>> {
  try {
    const memory = JSON.parse(readFileSync(file, 'utf8')) as Partial<PageIndexingMemory>;
    return memory.code === PAGE_INDEXING_CODE && memory.pages && typeof memory.pages === 'object' ? memory.pages : {};
  } catch {
    return {};
  }
}

/** Saves the pages read (or found unchanged) in this build, for the next one. */
export function writePageIndexingMemory(file: string, pages: Readonly<Record<string, RememberedPage>>): void {
  const memory: PageIndexingMemory = { code: PAGE_INDEXING_CODE, pages };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(memory));
}

/**
 * pageIndexing for the built file of `pageUrl`, taken from `remembered` when the file has the stamp it had then, else
 * read from its head; undefined when there is no such file. The answer, with the file's stamp, is added to `seen`
 * for the next build.
 */
export function rememberedPageIndexing(
  file: string,
  pageUrl: string,
  remembered: Readonly<Record<string, RememberedPage>>,
  seen: Record<string, RememberedPage>,
): PageIndexing | undefined {
  const stamp = fileStamp(file);
  if (stamp === undefined) return undefined;
  const earlier = remembered[pageUrl];
  const indexing =
    earlier?.[0] === stamp
      ? { indexable: earlier[1], lastmod: earlier[2] ?? undefined }
      : pageIndexing(readHead(file), pageUrl);
  seen[pageUrl] = [stamp, indexing.indexable, indexing.lastmod ?? null];
  return indexing;
}
