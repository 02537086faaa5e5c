import type { Root, RootContent } from 'hast';
import { readHtmlPrefix } from '../html-prefix';

/**
 * How many words of an article's body the search index holds, after its headline and standfirst. Pagefind fetches,
 * for each query word, the positions of that word on every page; indexing whole bodies made one query for a common
 * word cost about 600 KB at 20,000 articles (budget: 300 KB). The lead paragraphs carry what a news story is about.
 */
export const SEARCH_BODY_WORDS = 200;

// Text inside these elements is a separate run of words: without a break, "end.</p><p>Next" would index "end.Next".
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'ol', 'p', 'pre', 'section', 'table', 'td', 'th', 'tr', 'ul',
]);

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

function leadWords(tree: Root): string[] {
  const parts: string[] = [];
  collectText(tree.children, parts);
  return parts.join('').split(/\s+/).filter(Boolean);
}

/** The first `maxWords` words of an (already sanitized) article tree, as plain text for the search index. */
export function searchableLeadFromTree(tree: Root, maxWords: number = SEARCH_BODY_WORDS): string {
  return leadWords(tree).slice(0, maxWords).join(' ');
}

/**
 * The first `maxWords` words of rendered (already sanitized) article HTML, as plain text for the search index. Only a
 * prefix of the HTML is parsed: once it holds more than `maxWords` words, the first `maxWords` are whole (only the
 * last word of a prefix can be cut).
 */
export function searchableLead(html: string, maxWords: number = SEARCH_BODY_WORDS): string {
  return readHtmlPrefix(html, { firstLength: maxWords * 8, cutAfter: '>' }, ({ tree, whole }) => {
    const words = leadWords(tree);
    return whole || words.length > maxWords ? words.slice(0, maxWords).join(' ') : undefined;
  });
}
