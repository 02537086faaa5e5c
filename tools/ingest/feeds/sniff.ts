// What the bytes are, whatever the server says they are: servers send feeds as text/html and HTML pages as
// application/rss+xml, so the reader looks at the text itself.
import { DomUtils, parseDocument } from 'htmlparser2';
import { httpUrl } from './text';

/** What a response's text looks like. */
export type SniffedKind =
  | { readonly kind: 'empty' }
  | { readonly kind: 'json' }
  | { readonly kind: 'html' }
  | { readonly kind: 'xml'; readonly root: string | undefined }
  | { readonly kind: 'unknown' };

// Not plain application/json: WordPress advertises its REST API with it on every page.
const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/feed+json']);

/** The end of a DOCTYPE that starts at `start`, skipping its internal subset and quoted strings. */
function doctypeEnd(text: string, start: number): number {
  let quote: string | undefined;
  let depth = 0;
  for (let index = start; index < text.length; index += 1) {
    const char = text[index];
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '[') depth += 1;
    else if (char === ']') depth -= 1;
    else if (char === '>' && depth <= 0) return index + 1;
  }
  return text.length;
}

/**
 * Reads the prolog (XML declaration, comments, processing instructions, DOCTYPE) and names the first element, which
 * tells a feed (`rss`, `feed`, `rdf:RDF`) from an HTML page (`html`, or a `<!DOCTYPE html>`).
 */
export function sniffText(text: string): SniffedKind {
  let index = /^[\s\uFEFF]*/.exec(text)?.[0].length ?? 0;
  if (index === text.length) return { kind: 'empty' };
  if (text[index] === '{' || text[index] === '[') return { kind: 'json' };
  if (text[index] !== '<') return { kind: 'unknown' };
  // Bounded: each step moves past one construct, and a file of only prolog ends at its last byte.
  while (index < text.length) {
    if (text.startsWith('<?', index)) {
      const end = text.indexOf('?>', index);
      index = end === -1 ? text.length : end + 2;
    } else if (text.startsWith('<!--', index)) {
      const end = text.indexOf('-->', index);
      index = end === -1 ? text.length : end + 3;
    } else if (/^<!DOCTYPE\s+html[\s>]/i.test(text.slice(index, index + 20))) {
      return { kind: 'html' };
    } else if (/^<!DOCTYPE/i.test(text.slice(index, index + 9))) {
      index = doctypeEnd(text, index);
    } else if (text[index] === '<') {
      const root = /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(index, index + 200))?.[1];
      if (root && /^(?:html|head|body)$/i.test(root)) return { kind: 'html' };
      return { kind: 'xml', root };
    } else if (/\s/.test(text[index] ?? '')) {
      index += 1;
    } else {
      return { kind: 'unknown' };
    }
  }
  return { kind: 'xml', root: undefined };
}

/**
 * The feeds an HTML page advertises with `<link rel="alternate" type="application/rss+xml|atom+xml|feed+json">`,
 * as absolute http(s) addresses resolved against the page's address, in page order.
 */
export function advertisedFeeds(html: string, pageUrl: string): string[] {
  const document = parseDocument(html);
  const found: string[] = [];
  for (const link of DomUtils.getElementsByTagName('link', document.children)) {
    const rel = (link.attribs['rel'] ?? '').toLowerCase().split(/\s+/);
    const type = (link.attribs['type'] ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
    if (!rel.includes('alternate') || !FEED_TYPES.has(type)) continue;
    const href = httpUrl(link.attribs['href'], pageUrl);
    if (href && !found.includes(href)) found.push(href);
  }
  return found;
}
