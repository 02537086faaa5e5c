import { ImportError } from './errors';
import { embedTarget } from './web-url';

/**
 * The deepest element nesting the importer reads: far deeper than real news pages nest, and far short of the depth
 * that overflows the Markdown steps' stack (docs/importing.md#limits, docs/performance.md#the-importer).
 */
export const MAX_NESTING_DEPTH = 128;

/** The deepest element nesting in a document, counted without recursion so a hostile page cannot overflow the stack. */
export function nestingDepth(root: Element): number {
  let deepest = 0;
  const stack: [Element, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop() as [Element, number];
    if (depth > deepest) deepest = depth;
    for (const child of element.children) stack.push([child, depth + 1]);
  }
  return deepest;
}

// Containers that pages close explicitly; <p>, <li> and other elements with optional end tags would make a count of
// raw tags drift, so they are left out of the quick check.
const CONTAINER_TAG =
  /<(\/?)(div|blockquote|section|article|aside|main|header|footer|nav|figure|ul|ol|dl|table|span)\b[^>]*?(\/?)>/gi;

/**
 * The nesting depth of a page's containers, counted on the raw text before parsing: a hostile page nested
 * thousands deep is refused before the DOM is built (walking a deep linkedom tree is quadratic).
 */
export function rawNestingDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const match of html.matchAll(CONTAINER_TAG)) {
    if (match[1]) depth = Math.max(0, depth - 1);
    else if (!match[3]) {
      depth += 1;
      if (depth > deepest) deepest = depth;
    }
  }
  return deepest;
}

/** Throws when a page's raw text nests containers deeper than the importer reads. */
export function assertRawNesting(html: string): void {
  const depth = rawNestingDepth(html);
  if (depth > MAX_NESTING_DEPTH) {
    throw new ImportError(
      `the page nests elements at least ${depth} deep (the importer reads at most ${MAX_NESTING_DEPTH}): it is not a news page it can read.`,
    );
  }
}

/** Throws when a page nests elements deeper than the importer reads. */
export function assertNesting(document: Document): void {
  const depth = nestingDepth(document.documentElement);
  if (depth > MAX_NESTING_DEPTH) {
    throw new ImportError(
      `the page nests elements ${depth} deep (the importer reads at most ${MAX_NESTING_DEPTH}): it is not a news page it can read.`,
    );
  }
}

// Page furniture by class or id: share bars, newsletter boxes, related lists, comments, ads, paywall prompts. Matched
// against whole words of a class name so that "post-sharing" matches and "shareholders" does not.
const FURNITURE_WORDS =
  /(?:^|[-_\s])(?:share|shares|sharing|sharedaddy|social|socials|newsletter|subscribe|subscription|signup|related|relatedposts|recommended|recommendations|more-stories|read-more|readmore|comment|comments|disqus|advert|advertisement|ads|ad|adsbygoogle|ad-slot|dfp|sponsor|sponsored|promo|outbrain|taboola|paywall|piano|meter|breadcrumb|breadcrumbs|cookie|consent|popup|modal|sidebar|widget|most-read|mostread|popular|trending|tags|tag-list|author-box|author-bio|jp-relatedposts|print|toolbar|nav|navigation|menu|footer|masthead|banner)(?:$|[-_\s])/i;

/**
 * Elements that never hold article text (styles, forms, navigation, graphics, plugins): removed from the page before
 * Readability looks for the story, and again from the story it returns. Scripts are left to each step, because the
 * page keeps its JSON-LD script for Readability.
 */
export const NON_TEXT_ELEMENTS: readonly string[] = [
  'style',
  'link',
  'noscript',
  'template',
  'form',
  'button',
  'input',
  'select',
  'textarea',
  'dialog',
  'nav',
  'aside',
  'svg',
  'math',
  'canvas',
  'object',
  'embed',
];

const DROPPED_ELEMENTS = [
  'script:not([type="application/ld+json"])',
  ...NON_TEXT_ELEMENTS,
  '[hidden]',
  '[aria-hidden="true"]',
  '[role="complementary"]',
  '[role="navigation"]',
  'amp-ad',
  'amp-embed',
  'amp-analytics',
  'amp-pixel',
  'amp-sticky-ad',
  'amp-social-share',
  'amp-sidebar',
  'amp-consent',
  'amp-user-notification',
  'amp-auto-ads',
].join(', ');

const TRACKER_SOURCE =
  /(?:pixel|beacon|track(?:ing|er)?|analytics|counter|1x1|spacer|blank)\.(?:gif|png|jpe?g|php)|\/(?:pixel|beacon|collect|b\/ss)\b|[?&](?:utm_|tracking)/i;

function textLength(element: Element): number {
  return (element.textContent ?? '').replace(/\s+/g, ' ').length;
}

function rename(document: Document, element: Element, tag: string, attributes: readonly string[]): Element {
  const replacement = document.createElement(tag);
  for (const name of attributes) {
    const value = element.getAttribute(name);
    if (value !== null) replacement.setAttribute(name, value);
  }
  while (element.firstChild) replacement.appendChild(element.firstChild);
  element.replaceWith(replacement);
  return replacement;
}

/** The best source for a lazy-loaded or responsive image: `src`, else a `data-*` source, else the widest srcset entry. */
function imageSource(image: Element): string | undefined {
  const src = image.getAttribute('src')?.trim();
  if (src && !src.startsWith('data:')) return src;
  for (const name of ['data-src', 'data-lazy-src', 'data-original', 'data-url', 'data-hi-res-src']) {
    const value = image.getAttribute(name)?.trim();
    if (value) return value;
  }
  const srcset =
    image.getAttribute('srcset') ??
    image.getAttribute('data-srcset') ??
    image.parentElement?.querySelector('source')?.getAttribute('srcset');
  const candidates = srcset
    ?.split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0])
    .filter(Boolean);
  return candidates?.at(-1);
}

/**
 * Removes page furniture from a parsed page before Readability looks for the story: scripts and styles, forms, share
 * widgets, ads, newsletter and paywall boxes, related lists, comments, hidden elements and tracking pixels; turns AMP
 * elements into HTML; takes lazy images' real source; strips event handlers. Never removes the element that holds
 * most of the page's text.
 */
export function cleanPage(document: Document): void {
  const body = document.body;
  if (!body) return;
  for (const element of [...document.querySelectorAll(DROPPED_ELEMENTS)]) element.remove();
  for (const element of [...document.querySelectorAll('*')]) {
    for (const attribute of [...element.attributes]) {
      if (
        /^on/i.test(attribute.name) ||
        (attribute.name === 'style' && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attribute.value))
      ) {
        if (/^on/i.test(attribute.name)) element.removeAttribute(attribute.name);
        else element.setAttribute('hidden', '');
      }
    }
  }
  for (const element of [...document.querySelectorAll('[hidden]')]) element.remove();

  for (const element of [...document.querySelectorAll('amp-img')])
    rename(document, element, 'img', ['src', 'alt', 'width', 'height', 'srcset', 'title']);
  for (const element of [...document.querySelectorAll('amp-carousel, amp-fit-text, amp-accordion')])
    rename(document, element, 'div', []);
  for (const element of [...document.querySelectorAll('amp-youtube')]) {
    const id = element.getAttribute('data-videoid');
    const frame = document.createElement('iframe');
    if (id && /^[\w-]+$/.test(id)) frame.setAttribute('src', `https://www.youtube.com/embed/${id}`);
    element.replaceWith(frame);
  }
  for (const element of [...document.querySelectorAll('amp-iframe, amp-video')])
    rename(document, element, 'iframe', ['src', 'title']);

  // Readability drops frames and most of their context; an embed the reader can follow becomes a link, the rest
  // (ads, trackers, widgets) goes.
  for (const frame of [...document.querySelectorAll('iframe')]) {
    const target = embedTarget(frame.getAttribute('src') ?? '');
    if (!target) {
      frame.remove();
      continue;
    }
    const paragraph = document.createElement('p');
    const link = document.createElement('a');
    link.setAttribute('href', target.url);
    const title = frame.getAttribute('title')?.replace(/\s+/g, ' ').trim();
    link.textContent = title ? `${target.label}: ${title}` : target.label;
    paragraph.appendChild(link);
    frame.replaceWith(paragraph);
  }
  // A gallery is a box of figures with captions and no paragraphs, which Readability takes for clutter: lift the
  // figures out of it so each stands in the story on its own.
  for (const box of [...document.querySelectorAll('div, section, ul')]) {
    const children = [...box.children];
    const figures = children.filter((child) => /^(?:figure|li)$/i.test(child.tagName) && child.querySelector('img'));
    if (figures.length >= 2 && figures.length === children.length) {
      box.replaceWith(
        ...children.map((child) =>
          child.tagName.toLowerCase() === 'li' ? rename(document, child, 'figure', []) : child,
        ),
      );
    }
  }
  for (const image of [...document.querySelectorAll('img')]) {
    const src = imageSource(image);
    const width = Number(image.getAttribute('width'));
    const height = Number(image.getAttribute('height'));
    if (!src || TRACKER_SOURCE.test(src) || (width > 0 && width <= 2) || (height > 0 && height <= 2)) {
      image.remove();
      continue;
    }
    image.setAttribute('src', src);
  }

  const pageText = textLength(body);
  for (const element of [...body.querySelectorAll('[class], [id]')]) {
    if (!element.isConnected || /^(?:html|body|main|article)$/i.test(element.tagName)) continue;
    const label = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    if (!FURNITURE_WORDS.test(label) || element.querySelector('article, [itemprop="articleBody"], h1')) continue;
    if (textLength(element) < pageText * 0.5) element.remove();
  }
}
