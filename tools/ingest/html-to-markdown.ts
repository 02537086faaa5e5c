import type { Element, ElementContent, Nodes, Parents, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import { toString as hastToString } from 'hast-util-to-string';
import type { Root as MdastRoot } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { SKIP, visit } from 'unist-util-visit';
import { NON_TEXT_ELEMENTS } from './html-clean';
import { parseWrittenDate } from './loose-date';
import { isBoilerplateLine } from './text-scrape';
import { safeUrl, samePicture, stripTracking } from './web-url';

/** Options for turning an extracted story into Markdown. */
export interface StoryMarkdownOptions {
  /** The page's address, against which relative links and images are resolved; without it they are dropped. */
  readonly baseUrl?: string | undefined;
  /** The headline, so a copy of it at the top of the story is not repeated in the body. */
  readonly title?: string | undefined;
  /** The lead image's URL, so its copy at the top of the story is not repeated in the body. */
  readonly leadImage?: string | undefined;
  /** The standfirst, so a copy of it at the top of the story is not repeated in the body. */
  readonly summary?: string | undefined;
}

// Only whole blocks: an inline link that says "Facebook" inside a sentence is text, a paragraph that says only that is not.
const BLOCKS_CHECKED_FOR_BOILERPLATE = new Set(['p', 'div', 'li', 'h2', 'h3', 'h4', 'h5', 'h6']);

// Elements whose content is never article text. Readability removes most of them; this is the second line.
const DROP = new Set([
  'script',
  ...NON_TEXT_ELEMENTS,
  'label',
  'footer',
  'header',
  'audio',
  'video',
  'source',
  'track',
  'meta',
  'title',
  'base',
  'frame',
  'frameset',
  'applet',
  'map',
  'area',
]);

function normalise(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!?…]+$/u, '')
    .toLowerCase();
}

/** Replaces an element by its children in its parent. */
function unwrap(parent: Parents, index: number, node: Element): void {
  parent.children.splice(index, 1, ...node.children);
}

/**
 * Makes the story's HTML safe and plain: drops what is not article text, resolves links and images against the page
 * (keeping `http:`/`https:`/`mailto:` links and `https:` images only), turns embeds into links, drops the repeated
 * headline and lead image, and lowers the story's own `<h1>`s to `<h2>` (the page's `<h1>` is the headline).
 */
export function cleanStory(tree: Root, options: StoryMarkdownOptions): void {
  let leadImageSeen = false;
  let textSeen = false;
  visit(tree, (node: Nodes, index, parent) => {
    if (!parent || index === undefined) return undefined;
    if (node.type === 'comment' || node.type === 'doctype') {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (node.type !== 'element') return undefined;
    const tag = node.tagName;
    if (DROP.has(tag)) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (tag === 'figure') {
      let images = 0;
      let kept = 0;
      let holdsLead = false;
      visit(node, 'element', (child) => {
        if (child.tagName !== 'img') return;
        images += 1;
        const src = safeUrl(child.properties['src'], options.baseUrl, 'image');
        if (src) kept += 1;
        if (src && !leadImageSeen && options.leadImage && samePicture(src, options.leadImage)) holdsLead = true;
      });
      // A caption without its picture (an http: image, the lead image shown above the story) would read as body text.
      if (holdsLead || (images > 0 && kept === 0)) {
        if (holdsLead) leadImageSeen = true;
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
    }
    if (tag === 'figcaption') {
      node.tagName = 'p';
      node.properties = {};
      node.children = [{ type: 'element', tagName: 'em', properties: {}, children: node.children }];
      return undefined;
    }
    if ((tag === 'p' || tag === 'div') && parseWrittenDate(hastToString(node)) !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (tag === 'p' && !textSeen) {
      textSeen = true;
      if (options.summary && normalise(hastToString(node)) === normalise(options.summary)) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
    }
    if (BLOCKS_CHECKED_FOR_BOILERPLATE.has(tag) && isBoilerplateLine(hastToString(node))) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (tag.includes('-')) {
      unwrap(parent, index, node);
      return [SKIP, index];
    }
    if (tag === 'a') {
      const href = safeUrl(node.properties['href'], options.baseUrl, 'link');
      if (!href || String(node.properties['href']).trim().startsWith('#')) {
        unwrap(parent, index, node);
        return [SKIP, index];
      }
      node.properties = { href: stripTracking(href) };
      return undefined;
    }
    if (tag === 'img') {
      const src = safeUrl(node.properties['src'], options.baseUrl, 'image');
      const isLead =
        !leadImageSeen && src !== undefined && options.leadImage !== undefined && samePicture(src, options.leadImage);
      if (src) leadImageSeen = true;
      if (!src || isLead) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      node.properties = {
        src,
        alt: String(node.properties['alt'] ?? '')
          .replace(/\s+/g, ' ')
          .trim(),
      };
      return undefined;
    }
    if (tag === 'iframe') {
      const src = safeUrl(node.properties['src'], options.baseUrl, 'image');
      if (!src) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      const title = String(node.properties['title'] ?? '').trim();
      const link: ElementContent = {
        type: 'element',
        tagName: 'a',
        properties: { href: src },
        children: [
          { type: 'text', value: title ? `Embedded: ${title}` : `Embedded content from ${new URL(src).hostname}` },
        ],
      };
      parent.children.splice(index, 1, { type: 'element', tagName: 'p', properties: {}, children: [link] });
      return [SKIP, index + 1];
    }
    if (tag === 'h1') {
      if (options.title && normalise(hastToString(node)) === normalise(options.title)) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      node.tagName = 'h2';
    }
    // Attributes never reach Markdown except through the handlers above; drop them so nothing is carried by accident.
    const align = node.properties['align'];
    node.properties = (tag === 'td' || tag === 'th') && typeof align === 'string' ? { align } : {};
    return undefined;
  });
}

/** Turns the HTML of an extracted story into Markdown (GitHub flavour, for tables), with `cleanStory` applied first. */
export function storyToMarkdown(html: string, options: StoryMarkdownOptions = {}): string {
  const tree = fromHtml(html, { fragment: true });
  cleanStory(tree, options);
  const mdast = toMdast(tree) as MdastRoot;
  // hast-util-to-mdast keeps nothing as raw HTML after cleanStory, but the article must never carry any.
  visit(mdast, 'html', (_node, index, parent) => {
    if (parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    return undefined;
  });
  return toMarkdown(mdast, {
    extensions: [gfmToMarkdown()],
    bullet: '-',
    emphasis: '_',
    strong: '*',
    rule: '-',
    fences: true,
    listItemIndent: 'one',
    resourceLink: true,
  }).trim();
}
