// Typographic punctuation (curly quotes, dashes, ellipses) exactly as Astro's built-in step, remark-smartypants 3.0.3,
// but without parsing text that cannot change. remark-smartypants runs retext-smartypants over the whole text once for
// quotes, and then once more over every single text node for dashes, ellipses and backticks. Each run parses the text
// into a natural-language tree (parse-latin), at a cost that grows with the text: over every text node, that was much
// of each article's rendering time (docs/performance.md#how-it-stays-fast). Most text nodes hold none of `--`, `...`,
// `. . .`, ``` `` ``` or `''`, and a text without `"` or `'` has no quote to curl, so those runs are skipped here;
// every run that could change something still goes through retext-smartypants itself.
// tests/markdown/smartypants.test.ts renders a corpus both ways and requires the same HTML.
import type { Nodes, Parent, Root } from 'mdast';
import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';
import { visit } from 'unist-util-visit';

/** The nodes remark-smartypants reads: text and code add their text, blocks add a space so a quote can open them. */
const VISITED = new Set(['text', 'inlineCode', 'paragraph', 'heading', 'tableCell']);
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/** Text the dash, ellipsis and backtick pass could change: parse-latin's white space between spaced dots. */
const MAY_HAVE_DASHES_OR_ELLIPSES =
  /--|\.\.\.|``|''|\.[\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+\./;
/** Text the quote pass could change. */
const MAY_HAVE_QUOTES = /["']/;

function isLiteral(node: Nodes): node is Nodes & { value: string } {
  return 'value' in node && typeof node.value === 'string';
}

// remark-smartypants also skips text inside MDX <style> and <script> elements; articles are plain Markdown, which has
// no such nodes.
function isVisited(node: Nodes, parent: Parent | undefined): boolean {
  return parent !== undefined && VISITED.has(node.type) && (isLiteral(node) || BLOCKS.has(node.type));
}

/**
 * Remark plugin: SmartyPants with retext-smartypants' default options, giving the same text as remark-smartypants
 * 3.0.3 (Astro's `smartypants: true`). Use it with Astro's own step turned off (`smartypants: false`).
 */
export function remarkSmartypants() {
  // As remark-smartypants: quotes first, over all the text at once so that a quote can pair across emphasis or a
  // link; dashes, ellipses and backticks after, per text node, because they change the text's length.
  const quotes = retext().use(retextSmartypants, { ellipses: false, dashes: false, backticks: false });
  const rest = retext().use(retextSmartypants, { quotes: false });
  return (tree: Root) => {
    let allText = '';
    const nodes: Nodes[] = [];
    visit(tree, (node, _index, parent) => {
      if (!isVisited(node, parent)) return;
      if (isLiteral(node)) allText += node.type === 'text' ? node.value : 'A'.repeat(node.value.length);
      else allText += ' ';
      nodes.push(node);
    });
    if (MAY_HAVE_QUOTES.test(allText)) allText = String(quotes.processSync(allText));
    let start = 0;
    for (const node of nodes) {
      if (!isLiteral(node)) {
        start += 1;
        continue;
      }
      const end = start + node.value.length;
      if (node.type === 'text') {
        const text = allText.slice(start, end);
        node.value = MAY_HAVE_DASHES_OR_ELLIPSES.test(text) ? String(rest.processSync(text)) : text;
      }
      start = end;
    }
  };
}
