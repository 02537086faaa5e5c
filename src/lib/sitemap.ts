import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

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

/** What the `<head>` of a page at `pageUrl` says about indexing. */
export function pageIndexing(headHtml: string, pageUrl: string): PageIndexing {
  let noindex = false;
  let canonical: string | undefined;
  let lastmod: string | undefined;
  visit(fromHtml(headHtml), 'element', (node) => {
    const { properties } = node;
    if (node.tagName === 'meta') {
      const content = typeof properties['content'] === 'string' ? properties['content'] : '';
      if (String(properties['name'] ?? '').toLowerCase() === 'robots' && /\bnoindex\b|\bnone\b/i.test(content)) noindex = true;
      if (properties['property'] === 'article:modified_time' && content) lastmod = content;
    }
    if (node.tagName === 'link' && Array.isArray(properties['rel']) && properties['rel'].includes('canonical') && typeof properties['href'] === 'string') {
      canonical = new URL(properties['href'], pageUrl).href;
    }
  });
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

/** The `<head>` of an HTML file (read only as far as `</head>`, so large pages cost little). */
export async function readHead(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const chunk = Buffer.alloc(16_384);
    const decoder = new StringDecoder('utf8');
    let head = '';
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) return head;
      head += decoder.write(chunk.subarray(0, bytesRead));
      const end = head.indexOf('</head>');
      if (end !== -1) return head.slice(0, end + '</head>'.length);
    }
  } finally {
    await handle.close();
  }
}
