import { createHash } from 'node:crypto';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { toString as hastToString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/** Elements of a built page, by a test. */
export function elements(tree: Root, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node) => {
    if (test(node)) found.push(node);
  });
  return found;
}

/** Parses a built page as a browser would. */
export function parsePage(html: string): Root {
  return fromHtml(html);
}

/** The page's Content-Security-Policy from its `<meta http-equiv>`, or undefined. */
export function cspOf(tree: Root): string | undefined {
  const meta = elements(
    tree,
    (node) =>
      node.tagName === 'meta' && String(node.properties['httpEquiv'] ?? '').toLowerCase() === 'content-security-policy',
  );
  return meta[0] ? String(meta[0].properties['content']) : undefined;
}

/** Every directive of a CSP, in order, as its name and the sources it lists. */
export function cspDirectives(csp: string): [name: string, sources: string[]][] {
  return csp
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .filter((parts) => parts[0])
    .map(([name = '', ...sources]) => [name, sources]);
}

/** The sources a CSP directive lists (`script-src` gives `'self'`, hashes, ...). */
export function directive(csp: string, name: string): string[] {
  return cspDirectives(csp).find(([found]) => found === name)?.[1] ?? [];
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** Problems a whole built page must not have, whatever content it shows. */
export function pageProblems(html: string): string[] {
  const tree = parsePage(html);
  const problems: string[] = [];
  const csp = cspOf(tree);
  if (csp === undefined) problems.push('no Content-Security-Policy meta');
  const scriptSources = csp ? directive(csp, 'script-src') : [];
  const styleSources = csp ? directive(csp, 'style-src') : [];
  if (scriptSources.includes("'unsafe-inline'") || scriptSources.includes("'unsafe-eval'"))
    problems.push(`script-src too loose: ${scriptSources.join(' ')}`);
  visit(tree, 'element', (node) => {
    for (const key of Object.keys(node.properties)) {
      if (/^on/i.test(key)) problems.push(`inline handler ${key} on <${node.tagName}>`);
    }
    // style-src has no 'unsafe-inline', so a browser would refuse a style attribute.
    if (node.properties['style'] !== undefined) problems.push(`style attribute on <${node.tagName}>`);
    if (node.tagName === 'style' && !styleSources.includes(sha256(hastToString(node))))
      problems.push(`inline style not allowed by the CSP: ${hastToString(node).slice(0, 80)}`);
    if (node.tagName !== 'script') return;
    const type = String(node.properties['type'] ?? '');
    const text = hastToString(node);
    if (type === 'application/ld+json') {
      if (/<\/|<!--/.test(text)) problems.push(`JSON-LD contains "</" or "<!--": ${text.slice(0, 80)}`);
      try {
        JSON.parse(text);
      } catch {
        problems.push(`JSON-LD does not parse: ${text.slice(0, 80)}`);
      }
      return;
    }
    if (node.properties['src'] !== undefined) return;
    if (!scriptSources.includes(sha256(text)))
      problems.push(`inline script not allowed by the CSP: ${text.slice(0, 80)}`);
  });
  return problems;
}

/** The HTML inside the first element with this class (the article body is `.prose`). */
export function innerHtmlOfClass(tree: Root, className: string): string | undefined {
  const [found] = elements(
    tree,
    (node) => Array.isArray(node.properties['className']) && node.properties['className'].includes(className),
  );
  return found ? toHtml(found.children) : undefined;
}

/** Every JSON-LD block on the page, parsed. */
export function jsonLdBlocks(tree: Root): unknown[] {
  return elements(tree, (node) => node.tagName === 'script' && node.properties['type'] === 'application/ld+json').map(
    (node) => JSON.parse(hastToString(node)),
  );
}

/** The `content` of `<meta name|property=key>`. */
export function metaContent(tree: Root, key: string): string | undefined {
  const [meta] = elements(
    tree,
    (node) => node.tagName === 'meta' && (node.properties['name'] === key || node.properties['property'] === key),
  );
  return meta ? String(meta.properties['content']) : undefined;
}
