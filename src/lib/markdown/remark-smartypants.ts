// Typographic punctuation (curly quotes, dashes, ellipses) exactly as Astro's built-in step, remark-smartypants 3.0.3,
// but without parsing text that cannot change. remark-smartypants runs retext-smartypants over the whole text once for
// quotes, and then once more over every single text node for dashes, ellipses and backticks. Each run parses the text
// into a natural-language tree (parse-latin), at a cost that grows with the text: over every text node, that was much
// of each article's rendering time (docs/performance.md#how-it-stays-fast). Most text nodes hold none of `--`, `...`,
// `. . .`, ``` `` ``` or `''`, and a text without `"` or `'` has no quote to curl, so those runs are skipped here;
// every run that could change something still goes through retext-smartypants itself.
// tests/markdown/smartypants.test.ts renders a corpus both ways and requires the same HTML.
//
// The quote marks follow the article's language (quotes.ts): English articles get exactly Astro's text, Greek and
// French «…», German „…“, and languages without a rule (Arabic, Hebrew, Persian…) keep their straight quotes.
import type { Nodes, Parent, Root } from 'mdast';
import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import {
  articleLanguage,
  ENGLISH_QUOTES,
  type LanguageDefaults,
  type QuoteMarks,
  quoteMarksFor,
} from '@/lib/markdown/quotes';

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

/** A retext processor with SmartyPants, as the passes use it. */
interface Processor {
  processSync(text: string): { toString(): string };
}

/** The two retext passes for one language's quote marks (none: quotes stay straight). */
interface Passes {
  /** Curls quotes, without changing the text's length; undefined where quotes stay straight. */
  readonly quotes: Processor | undefined;
  /** Dashes, ellipses and, in English only (a TeX habit with English marks), ``backticks''. */
  readonly rest: Processor;
  /** French's narrow no-break spaces inside « »: placeholders the quote pass writes, and what each becomes. */
  readonly spacing: readonly [placeholder: string, text: string][];
}

// Placeholders for French's « and » during the quote pass, which must not change the text's length: characters of
// Unicode's private use area, which no article means to publish. Text that holds one anyway gets « » without spaces.
const OPEN_PLACEHOLDER = '\uE000';
const CLOSE_PLACEHOLDER = '\uE001';

function passesFor(marks: QuoteMarks | undefined, spaced: boolean): Passes {
  const rest = retext().use(retextSmartypants, { quotes: false, backticks: marks === ENGLISH_QUOTES });
  if (!marks) return { quotes: undefined, rest, spacing: [] };
  const space = spaced ? marks.innerSpace : undefined;
  const open = space ? { ...marks.open, double: OPEN_PLACEHOLDER } : marks.open;
  const close = space ? { ...marks.close, double: CLOSE_PLACEHOLDER } : marks.close;
  const quotes = retext().use(retextSmartypants, {
    ellipses: false,
    dashes: false,
    backticks: false,
    openingQuotes: open,
    closingQuotes: close,
  });
  const spacing: Passes['spacing'] = space
    ? [
        [OPEN_PLACEHOLDER, marks.open.double + space],
        [CLOSE_PLACEHOLDER, space + marks.close.double],
      ]
    : [];
  return { quotes, rest, spacing };
}

/** What the astro render function puts in the file's data: the entry's front matter as written. */
function frontmatterOf(file: VFile | undefined): Record<string, unknown> {
  const astro = file?.data['astro'] as { frontmatter?: unknown } | undefined;
  const frontmatter = astro?.frontmatter;
  return typeof frontmatter === 'object' && frontmatter !== null ? (frontmatter as Record<string, unknown>) : {};
}

/**
 * Remark plugin: SmartyPants in the article's language. Without options every text is English, and the plugin gives
 * the same text as remark-smartypants 3.0.3 (Astro's `smartypants: true`); with them, each body's language is its
 * front matter's `lang`, else its source's language, else the site's locale (quotes.ts). Use it with Astro's own step
 * turned off (`smartypants: false`).
 */
export function remarkSmartypants(options?: LanguageDefaults) {
  // As remark-smartypants: quotes first, over all the text at once so that a quote can pair across emphasis or a
  // link; dashes, ellipses and backticks after, per text node, because they change the text's length.
  const byKey = new Map<string, Passes>();
  const passes = (language: string, spaced: boolean): Passes => {
    const marks = quoteMarksFor(language);
    const key = `${marks ? JSON.stringify(marks) : 'straight'}/${spaced}`;
    let found = byKey.get(key);
    if (!found) {
      found = passesFor(marks, spaced);
      byKey.set(key, found);
    }
    return found;
  };
  return (tree: Root, file?: VFile) => {
    const language = options ? articleLanguage(frontmatterOf(file), options) : 'en';
    let allText = '';
    const nodes: Nodes[] = [];
    visit(tree, (node, _index, parent) => {
      if (!isVisited(node, parent)) return;
      if (isLiteral(node)) allText += node.type === 'text' ? node.value : 'A'.repeat(node.value.length);
      else allText += ' ';
      nodes.push(node);
    });
    const spaced = !allText.includes(OPEN_PLACEHOLDER) && !allText.includes(CLOSE_PLACEHOLDER);
    const { quotes, rest, spacing } = passes(language, spaced);
    if (quotes && MAY_HAVE_QUOTES.test(allText)) allText = String(quotes.processSync(allText));
    let start = 0;
    for (const node of nodes) {
      if (!isLiteral(node)) {
        start += 1;
        continue;
      }
      const end = start + node.value.length;
      if (node.type === 'text') {
        let text = allText.slice(start, end);
        for (const [placeholder, replacement] of spacing) text = text.replaceAll(placeholder, replacement);
        node.value = MAY_HAVE_DASHES_OR_ELLIPSES.test(text) ? String(rest.processSync(text)) : text;
      }
      start = end;
    }
  };
}
