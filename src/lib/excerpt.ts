import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';

/** The longest a generated summary gets, in characters. */
export const EXCERPT_LENGTH = 280;

/** Shortens text to at most `maxLength` characters at a word boundary, ending with an ellipsis when cut. */
export function shorten(text: string, maxLength: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= maxLength) return clean;
  const cut = clean.slice(0, maxLength - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:!?-]+$/, '')}…`;
}

function firstParagraph(nodes: readonly RootContent[]): Element | undefined {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    if (node.tagName === 'p' && hastToString(node).trim() !== '') return node;
    // A lead quote or a wrapper still holds the first paragraph; a figure caption does not stand in for one.
    if (['blockquote', 'div', 'section', 'article'].includes(node.tagName)) {
      const inner = firstParagraph(node.children);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** The plain text of the first paragraph of an (already sanitized) article tree, shortened for a summary. */
export function excerptFromTree(tree: Root, maxLength = EXCERPT_LENGTH): string {
  const paragraph = firstParagraph(tree.children);
  return paragraph ? shorten(hastToString(paragraph), maxLength) : '';
}

/**
 * The plain text of the first paragraph of rendered (already sanitized) article HTML, shortened for a summary. Pages
 * read the excerpt the pipeline stored (article-text.ts); this serves entries rendered without it.
 */
export function excerptFromHtml(html: string, maxLength = EXCERPT_LENGTH): string {
  return excerptFromTree(fromHtml(html, { fragment: true }), maxLength);
}
