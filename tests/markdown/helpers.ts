import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor, type MarkdownRenderResult } from '@astrojs/markdown-remark';
import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { expect, vi } from 'vitest';
import { createMarkdownOptions } from '@/lib/markdown/pipeline';

/** The content folder the tests pretend to have; the pipeline never reads files, it only checks where paths lead. */
export const contentDir = path.join(tmpdir(), 'broadsheet-markdown-tests', 'content');

/** Where test articles pretend to live, relative to `contentDir`. */
export const articleFile = 'articles/2024/04/story.md';

/** How authors see `articleFile` in error messages. */
export const articleDisplayPath = `content/${articleFile}`;

const renderer = createMarkdownProcessor({ ...createMarkdownOptions({ contentDir }), syntaxHighlight: false });

/** Where to render: a file under `contentDir` (default `articleFile`), an absolute path given as a string, or no file at all. */
export type RenderTarget = { readonly file?: string } | { readonly pathString: string } | { readonly noFile: true };

/** Renders Markdown through Astro's real unified processor with our pipeline, as the site does. */
export async function renderMarkdown(markdown: string, target: RenderTarget = {}): Promise<MarkdownRenderResult> {
  const { render } = await renderer;
  if ('noFile' in target) return render(markdown);
  if ('pathString' in target) {
    // Astro passes a file URL; vfile also takes a plain path, which this exercises.
    return render(markdown, { fileURL: target.pathString as unknown as URL });
  }
  return render(markdown, { fileURL: pathToFileURL(path.join(contentDir, target.file ?? articleFile)) });
}

/** Renders Markdown and returns only the HTML. */
export async function renderHtml(markdown: string, target?: RenderTarget): Promise<string> {
  return (await renderMarkdown(markdown, target)).code;
}

/** Renders Markdown that must be rejected, and returns the error message. */
export async function renderError(markdown: string, target?: RenderTarget): Promise<string> {
  let rendered: MarkdownRenderResult;
  // Astro's processor logs every failure with console.error before rethrowing; keep test output readable.
  const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    rendered = await renderMarkdown(markdown, target);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    quiet.mockRestore();
  }
  throw new Error(`expected the Markdown to be rejected, but it rendered:\n${rendered.code}`);
}

/** Parses HTML the way a browser parses a fragment in a body. */
export function parseHtml(html: string): Root {
  return fromHtml(html, { fragment: true });
}

/** Every element in the tree, including those inside `<template>` contents. */
export function allElements(tree: Nodes): Element[] {
  const found: Element[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'element') {
      found.push(node);
      if (node.content) walk(node.content);
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return found;
}

/** The visible text of the output: every text node, not attribute values. */
export function textOf(tree: Nodes): string {
  if (tree.type === 'text') return tree.value;
  if (tree.type === 'element' && tree.content) return textOf(tree.content) + tree.children.map(textOf).join('');
  if ('children' in tree) return tree.children.map(textOf).join('');
  return '';
}

/** Elements that must never reach a page, whatever they contain. */
export const forbiddenElements: readonly string[] = [
  'applet',
  'base',
  'button',
  'embed',
  'form',
  'frame',
  'frameset',
  'iframe',
  'input',
  'link',
  'math',
  'meta',
  'noembed',
  'noframes',
  'noscript',
  'object',
  'option',
  'plaintext',
  'script',
  'select',
  'style',
  'svg',
  'template',
  'textarea',
  'title',
  'xmp',
];

// Attributes whose value the browser loads or navigates to (lower-cased hast property names).
const urlAttributes = new Set([
  'action',
  'background',
  'cite',
  'codebase',
  'data',
  'dynsrc',
  'formaction',
  'href',
  'longdesc',
  'lowsrc',
  'ping',
  'poster',
  'src',
  'srcset',
  'xlinkhref',
]);

const safeSchemes = new Set(['http', 'https', 'mailto']);

/** The URL scheme a browser would read (lower case), or undefined for a relative URL. */
export function schemeOf(url: string): string | undefined {
  const normalized = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  return /^([a-z][a-z\d+.-]*):/i.exec(normalized)?.[1]?.toLowerCase();
}

/** Lists every unsafe thing in the HTML: forbidden elements, handlers, styles, unsafe URLs, unprefixed ids, leaked text. */
export function findSafetyProblems(html: string, options: { readonly hiddenText?: readonly string[] } = {}): string[] {
  const tree = parseHtml(html);
  const problems: string[] = [];
  for (const element of allElements(tree)) {
    const { tagName, properties } = element;
    const isTaskCheckbox = tagName === 'input' && properties['type'] === 'checkbox' && properties['disabled'] === true;
    if (forbiddenElements.includes(tagName.toLowerCase()) && !isTaskCheckbox) problems.push(`element <${tagName}>`);
    for (const [key, value] of Object.entries(properties)) {
      const name = key.toLowerCase();
      if (name.startsWith('on')) problems.push(`handler ${key} on <${tagName}>`);
      if (name === 'style') problems.push(`style attribute on <${tagName}>`);
      const values = Array.isArray(value) ? value.map(String) : [String(value)];
      if (urlAttributes.has(name)) {
        for (const url of name === 'srcset' ? values.join(',').split(',') : values) {
          const scheme = schemeOf(url);
          if (scheme !== undefined && !safeSchemes.has(scheme))
            problems.push(`${key}=${JSON.stringify(url)} on <${tagName}>`);
        }
      }
      if (name === 'id' || name === 'name') {
        for (const item of values)
          if (!item.startsWith('user-content-')) problems.push(`${key}=${JSON.stringify(item)} unprefixed`);
      }
    }
  }
  const text = textOf(tree);
  for (const hidden of options.hiddenText ?? []) {
    if (text.includes(hidden)) problems.push(`text ${JSON.stringify(hidden)} leaked`);
  }
  return problems;
}

/** Fails the test when the HTML holds anything a page must not (see `findSafetyProblems`). */
export function assertSafe(html: string, options?: { readonly hiddenText?: readonly string[] }): void {
  expect(findSafetyProblems(html, options), html).toEqual([]);
}

/** Fails the test unless every id has exactly one `user-content-` prefix and every `#` link reaches an id in the HTML. */
export function assertIdsAndFragmentLinks(html: string): void {
  const elements = allElements(parseHtml(html));
  const ids = new Set<string>();
  for (const element of elements) {
    const id = element.properties['id'];
    if (typeof id !== 'string') continue;
    expect(id, `id ${id}`).toMatch(/^user-content-/);
    expect(id, `id ${id}`).not.toMatch(/^user-content-user-content-/);
    ids.add(id);
  }
  for (const element of elements) {
    const href = element.properties['href'];
    if (typeof href !== 'string' || !href.startsWith('#')) continue;
    expect(ids, `link ${href} in ${html}`).toContain(decodeURIComponent(href.slice(1)));
  }
}

/** The elements with this tag name, in document order. */
export function elementsByTag(html: string, tagName: string): Element[] {
  return allElements(parseHtml(html)).filter((element) => element.tagName === tagName);
}
