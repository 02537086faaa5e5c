import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';

// Feed readers show an item away from its page, and most resolve relative URLs against the feed (or not at all), so
// every URL in an item's HTML is made absolute against the article's own address first.

/** The hast properties that hold one URL. */
const URL_PROPERTIES = ['href', 'src', 'cite', 'poster'] as const;

/** Resolves `url` against `baseUrl`; a value that is not a URL reference comes back unchanged. */
function resolve(url: string, baseUrl: string): string {
  const trimmed = url.trim();
  if (trimmed === '') return url;
  try {
    return new URL(trimmed, baseUrl).href;
  } catch {
    return url;
  }
}

/** A `srcset` value with each candidate's URL resolved and its descriptor kept. */
function resolveSrcset(value: string, baseUrl: string): string {
  return value
    .split(',')
    .map((candidate) => candidate.trim())
    .filter((candidate) => candidate !== '')
    .map((candidate) => {
      const [url = '', ...descriptors] = candidate.split(/\s+/);
      return [resolve(url, baseUrl), ...descriptors].join(' ');
    })
    .join(', ');
}

function absolutizeElement(node: Element, baseUrl: string): void {
  for (const property of URL_PROPERTIES) {
    const value = node.properties[property];
    if (typeof value === 'string') node.properties[property] = resolve(value, baseUrl);
  }
  const srcSet = node.properties['srcSet'];
  if (Array.isArray(srcSet)) node.properties['srcSet'] = resolveSrcset(srcSet.join(','), baseUrl);
  else if (typeof srcSet === 'string') node.properties['srcSet'] = resolveSrcset(srcSet, baseUrl);
}

// Every attribute a URL can sit in, in any quoting: pipeline output always double-quotes (hast-util-to-html), and a
// lookalike in text only sends the HTML down the slow path.
const URL_ATTRIBUTE = /\s(href|src|cite|poster|srcset)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

/** Whether every URL attribute in `html` is already an absolute URL written as the URL parser writes it. */
function allUrlsAbsolute(html: string): boolean {
  for (const [, name, ...values] of html.matchAll(URL_ATTRIBUTE)) {
    const value = values.find((candidate) => candidate !== undefined) ?? '';
    if (name?.toLowerCase() === 'srcset' || value.includes('&')) return false;
    try {
      if (new URL(value).href !== value) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * HTML with every link, image and citation URL made absolute against `baseUrl` (the article's address): `/x/` and
 * `photo.jpg` gain the site's origin, `#fn-1` points at the article page. Absolute URLs are left as they are. HTML
 * whose URLs are all absolute already is returned as it is, unparsed: most items are, and parsing every feed item's
 * body was one of the build's hot spots (bench/JOURNAL.md#before-and-after).
 */
export function absolutizeHtml(html: string, baseUrl: string): string {
  if (allUrlsAbsolute(html)) return html;
  const tree = fromHtml(html, { fragment: true });
  visit(tree, 'element', (node) => absolutizeElement(node, baseUrl));
  return toHtml(tree);
}
