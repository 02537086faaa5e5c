import type { Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { BLOCK_ELEMENTS } from '@/lib/html-blocks';

/**
 * How many words of an article's body the search index holds, after its headline and standfirst. Pagefind fetches,
 * for each query word, the positions of that word on every page; indexing whole bodies made one query for a common
 * word on a large site cost far more than its budget (docs/search-and-feeds.md#budgets,
 * bench/JOURNAL.md#notes-from-the-fixes). The lead paragraphs carry what a news story is about.
 */
export const SEARCH_BODY_WORDS = 200;

function collectText(nodes: readonly RootContent[], parts: string[]): void {
  for (const node of nodes) {
    if (node.type === 'text') parts.push(node.value);
    else if (node.type === 'element') {
      const block = BLOCK_ELEMENTS.has(node.tagName);
      if (block) parts.push(' ');
      collectText(node.children, parts);
      if (block) parts.push(' ');
    }
  }
}

/** The first `maxWords` words of an (already sanitized) article tree, as plain text for the search index. */
export function searchableLeadFromTree(tree: Root, maxWords: number = SEARCH_BODY_WORDS): string {
  const parts: string[] = [];
  collectText(tree.children, parts);
  return parts.join('').split(/\s+/).filter(Boolean).slice(0, maxWords).join(' ');
}

/**
 * The first `maxWords` words of rendered (already sanitized) article HTML, as plain text for the search index. Pages
 * read the lead the pipeline stored (article-text.ts); this serves entries rendered without it, and measurements.
 */
export function searchableLead(html: string, maxWords: number = SEARCH_BODY_WORDS): string {
  return searchableLeadFromTree(fromHtml(html, { fragment: true }), maxWords);
}
