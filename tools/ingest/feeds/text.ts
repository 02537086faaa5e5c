// Small text and address helpers shared by every feed format: feeds are untrusted, so each value is checked and
// normalised here once instead of in every mapper.
import render from 'dom-serializer';
import { parseDocument } from 'htmlparser2';
import { BLOCK_ELEMENTS } from '../../../src/lib/html-blocks';

// htmlparser2's node type, named without importing domhandler (not a direct dependency).
type AnyNode = ReturnType<typeof parseDocument>['children'][number];

// Their text is code or styling, never words of the headline.
const SKIPPED = new Set(['script', 'style', 'template', 'noscript']);

/** Collapses runs of whitespace to single spaces and trims; `undefined` for nothing or only whitespace. */
export function collapseWhitespace(text: string | undefined): string | undefined {
  const collapsed = text?.replace(/\s+/g, ' ').trim();
  return collapsed ? collapsed : undefined;
}

/**
 * An HTML fragment as plain text: tags removed, entities decoded, whitespace collapsed. Feeds put markup and
 * entity-encoded markup in titles and descriptions, so every title goes through this.
 */
export function htmlToPlainText(html: string | undefined): string | undefined {
  if (!html) return undefined;
  if (!/[<&]/.test(html)) return collapseWhitespace(html);
  const parts: string[] = [];
  const walk = (nodes: readonly AnyNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'text') parts.push((node as { data: string }).data);
      else if ('name' in node && 'children' in node) {
        const name = node.name.toLowerCase();
        if (SKIPPED.has(name)) continue;
        const block = BLOCK_ELEMENTS.has(name);
        if (block) parts.push(' ');
        walk(node.children);
        if (block) parts.push(' ');
      }
    }
  };
  walk(parseDocument(html).children);
  return collapseWhitespace(parts.join(''));
}

/**
 * Serializes XHTML (Atom `type="xhtml"` content) as HTML: an XHTML `<p/>` or `<script/>` read by an HTML parser would
 * swallow the rest of the article, so the fragment is parsed as XML and written out with HTML's rules.
 */
export function xhtmlToHtml(xhtml: string): string {
  const document = parseDocument(xhtml, { xmlMode: true });
  return render(document.children, { xmlMode: false }).trim();
}

/** `value` resolved against `base` as an absolute address, or `undefined` when it is not one. */
export function resolveUrl(value: string | undefined, base: string | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return undefined;
  }
}

/**
 * `value` resolved against `base`, kept only when it is an `http:` or `https:` address: a feed may link to
 * `javascript:`, `data:` or `file:` addresses, and nothing downstream should ever follow them.
 */
export function httpUrl(value: string | undefined, base: string | undefined): string | undefined {
  const resolved = resolveUrl(value, base);
  if (!resolved) return undefined;
  const protocol = new URL(resolved).protocol;
  return protocol === 'http:' || protocol === 'https:' ? resolved : undefined;
}

/** The first non-empty string of `values`, trimmed. */
export function firstText(...values: readonly (string | undefined | null)[]): string | undefined {
  for (const value of values) {
    const trimmed = value?.trim();
    if (trimmed) return trimmed;
  }
  return undefined;
}

/** Distinct non-empty strings in order, each trimmed: feeds repeat a category or an author in two vocabularies. */
export function distinct(values: Iterable<string | undefined>): string[] {
  const seen = new Set<string>();
  for (const value of values) {
    const trimmed = collapseWhitespace(value);
    if (trimmed) seen.add(trimmed);
  }
  return [...seen];
}
