// What a built page costs to render, read from the files in dist/: its HTML and every stylesheet it links, raw and
// gzipped (node:zlib at its default level, as static hosts compress), the scripts a browser would run, and every
// resource it would fetch from another host. The page-weight tests and `npm run lighthouse` use it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

/** One file a page needs to render. */
export interface RenderFile {
  /** The URL path, `/articles/x/` for the page itself. */
  readonly path: string;
  /** Bytes as stored. */
  readonly bytes: number;
  /** Bytes gzipped. */
  readonly gzip: number;
}

/** The HTML and CSS one page needs before it can render. */
export interface PageWeight {
  readonly html: RenderFile;
  readonly stylesheets: readonly RenderFile[];
  /** HTML and stylesheets gzipped, together. */
  readonly totalGzip: number;
}

// The link relations that make a browser fetch the linked file (canonical, alternate and the like only name a URL).
const fetchingRels = new Set([
  'stylesheet',
  'icon',
  'apple-touch-icon',
  'mask-icon',
  'preload',
  'modulepreload',
  'prefetch',
  'manifest',
]);
// Script types a browser runs; anything else (application/ld+json, application/json) is data.
const runnableScriptType = /^(|module|(text|application)\/(java|ecma)script)$/i;

/** The file under `outDir` a site path (under `base`) is served from. */
export function builtFile(outDir: string, urlPath: string, base = '/'): string {
  const inSite = urlPath.startsWith(base) ? `/${urlPath.slice(base.length)}` : urlPath;
  return join(outDir, decodeURIComponent(inSite.endsWith('/') ? `${inSite}index.html` : inSite));
}

function file(outDir: string, path: string, base: string): RenderFile {
  const body = readFileSync(builtFile(outDir, path, base));
  return { path, bytes: body.length, gzip: gzipSync(body).length };
}

function elements(html: string): Element[] {
  const found: Element[] = [];
  visit(fromHtml(html) as Root, 'element', (node: Element) => {
    found.push(node);
  });
  return found;
}

function tokens(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
}

/** The URL paths of the stylesheets a page links. */
export function linkedStylesheets(html: string): string[] {
  return elements(html)
    .filter((node) => node.tagName === 'link' && tokens(node.properties['rel']).includes('stylesheet'))
    .map((node) => String(node.properties['href']));
}

/** What the page at `urlPath` (such as `/articles/x/`) needs to render: its HTML and every stylesheet it links. */
export function pageWeight(outDir: string, urlPath: string, base = '/'): PageWeight {
  const html = file(outDir, urlPath, base);
  const stylesheets = linkedStylesheets(readFileSync(builtFile(outDir, urlPath, base), 'utf8')).map((href) =>
    file(outDir, new URL(href, `http://site.invalid${urlPath}`).pathname, base),
  );
  return { html, stylesheets, totalGzip: html.gzip + stylesheets.reduce((sum, sheet) => sum + sheet.gzip, 0) };
}

/** Every script in `html` a browser would run: `<script>` elements other than data blocks, handlers, `javascript:` URLs. */
export function runnableScripts(html: string): string[] {
  const found: string[] = [];
  for (const node of elements(html)) {
    if (node.tagName === 'script' && runnableScriptType.test(String(node.properties['type'] ?? '').trim())) {
      found.push(`<script${node.properties['src'] ? ` src="${String(node.properties['src'])}"` : ''}>`);
    }
    for (const [name, value] of Object.entries(node.properties)) {
      if (/^on[a-z]/i.test(name)) found.push(`<${node.tagName} ${name}>`);
      if (/^\s*javascript:/i.test(String(value))) found.push(`<${node.tagName} ${name}="${String(value)}">`);
    }
  }
  return found;
}

/** Whether a reference leaves the site's own host (an absolute or protocol-relative URL; `data:` stays). */
export function isOtherHost(reference: string): boolean {
  const value = reference.trim();
  return /^\/\//.test(value) || (/^[a-z][a-z0-9+.-]*:/i.test(value) && !/^data:/i.test(value));
}

function cssReferences(css: string): string[] {
  return [...css.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)|@import\s+(['"])([^'"]+)\3/g)].map(
    (match) => match[2] ?? match[4] ?? '',
  );
}

/** Every resource a page (and CSS inside it) would fetch from another host: stylesheets, scripts, images, fonts, frames. */
export function otherHostResources(html: string): string[] {
  const references: string[] = [];
  for (const node of elements(html)) {
    const { tagName: tag, properties: p } = node;
    if (tag === 'link' && tokens(p['rel']).some((rel) => fetchingRels.has(rel.toLowerCase())))
      references.push(String(p['href'] ?? ''));
    if (
      ['script', 'img', 'iframe', 'frame', 'embed', 'source', 'track', 'audio', 'video', 'input'].includes(tag) &&
      p['src'] !== undefined
    )
      references.push(String(p['src']));
    if (['img', 'source'].includes(tag) && p['srcSet'] !== undefined)
      references.push(...tokens(p['srcSet']).filter((token) => /[/:]/.test(token)));
    if (tag === 'video' && p['poster'] !== undefined) references.push(String(p['poster']));
    if (tag === 'object' && p['data'] !== undefined) references.push(String(p['data']));
    if (p['style'] !== undefined) references.push(...cssReferences(String(p['style'])));
    if (tag === 'style')
      references.push(...cssReferences(node.children.map((child) => ('value' in child ? child.value : '')).join('')));
  }
  return references.filter(isOtherHost);
}

/** The same for a stylesheet file: `url()` and `@import` pointing at another host. */
export function otherHostCssResources(css: string): string[] {
  return cssReferences(css).filter(isOtherHost);
}
